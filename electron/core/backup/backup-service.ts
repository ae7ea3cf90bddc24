// The station's backups: one at a time, on demand or on the schedule in the settings, each audited,
// old routine copies pruned only after a new one succeeded.
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { StationDb } from '../../../db/open';
import type { BackupEntry, BackupResult } from '../../../shared/contract/backup';
import { appendAudit } from '../audit';
import type { StationIdentity } from '../context';
import type { EventBus } from '../event-bus';
import type { Logger } from '../log';
import { readSetting } from '../settings';
import { backupDirFor, backupFileName, listBackups, removePartialCopies } from './backup-files';
import { backupsToPrune, msUntilNextBackup } from './backup-policy';
import { backupProgressReporter } from './backup-progress';
import { takeBackup, type BackupProgress } from './take-backup';

/** How often an idle scheduler looks at the settings again (an admin may have turned it on). */
const RECHECK_MS = 15 * 60_000;

export class BackupBusy extends Error {
  constructor() {
    super('A backup is already running; wait for it to finish, then try again if you still need one.');
  }
}

export interface BackupServiceDeps {
  readonly sqlite: Database.Database;
  readonly db: StationDb;
  readonly dataDir: string;
  readonly now: () => number;
  readonly station: StationIdentity;
  readonly events: EventBus;
  readonly logger: Logger;
  /** Least time between two `backup:progress` events while copying (default 200 ms); tests may set 0. */
  readonly progressEveryMs?: number;
}

export interface BackupCaller {
  readonly operatorId: number | null;
  readonly operatorName: string | null;
}

export class BackupService {
  readonly dir: string;
  private running = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(progress: BackupProgress) => void>();

  constructor(private readonly deps: BackupServiceDeps) {
    this.dir = backupDirFor(deps.dataDir);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Called after every copy step of a running backup; returns the unsubscribe function. */
  onProgress(listener: (progress: BackupProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): BackupEntry[] {
    return listBackups(this.dir);
  }

  async run(kind: 'scheduled' | 'on-demand', caller: BackupCaller | null): Promise<BackupResult> {
    if (this.running) throw new BackupBusy();
    this.running = true;
    const progress = backupProgressReporter({ kind, emit: (payload) => this.deps.events.emit('backup:progress', payload), everyMs: this.deps.progressEveryMs });
    try {
      progress.start(Number(this.deps.sqlite.pragma('page_count', { simple: true })));
      const result = await takeBackup(this.deps.sqlite, this.dir, backupFileName(kind, this.deps.now()), (p) => {
        // A closing station stops a backup between steps; the half-made copy is removed.
        if (this.stopped) throw new Error('The station is closing; the backup was stopped and its partial copy removed.');
        for (const listener of this.listeners) listener(p);
        progress.step(p);
      }, (copy) => this.deps.station.seal.stampCopy(copy));
      this.audit('backup:created', 'ok', caller, { kind, fileName: result.fileName, bytes: result.bytes, tookMs: result.tookMs });
      this.prune();
      // Last, so a screen that reloads the list on it sees the new copy and not the pruned ones.
      progress.end('ok', result.pages);
      return result;
    } catch (err) {
      this.audit('backup:created', 'failed', caller, { kind, error: err instanceof Error ? err.message : String(err) });
      progress.end('failed');
      throw err;
    } finally {
      this.running = false;
    }
  }

  /** Starts the schedule; catches up at once when the newest copy is older than the interval. */
  start(): void {
    this.stopped = false;
    const removed = removePartialCopies(this.dir, Date.now());
    if (removed.length > 0) this.deps.logger.warn('removed partial backup copies left by an interrupted backup', { files: removed });
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A pending backup must never keep a closing process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const interval = readSetting(this.deps.db, 'backup.intervalHours') ?? 24;
    const wait = msUntilNextBackup(this.list(), interval, this.deps.now());
    if (wait === null || wait > 0) {
      this.schedule(Math.min(wait ?? RECHECK_MS, RECHECK_MS));
      return;
    }
    if (this.running) {
      this.schedule(60_000);
      return;
    }
    try {
      await this.run('scheduled', null);
    } catch (err) {
      this.deps.logger.error('scheduled backup failed', err);
      if (!this.stopped) {
        this.schedule(RECHECK_MS);
        return;
      }
    }
    this.schedule(0);
  }

  private prune(): void {
    const keep = readSetting(this.deps.db, 'backup.keep') ?? 14;
    for (const old of backupsToPrune(this.list(), keep)) {
      try {
        rmSync(old.path, { force: true });
      } catch (err) {
        this.deps.logger.warn('could not remove an old backup', { file: old.fileName, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  private audit(action: string, result: 'ok' | 'failed', caller: BackupCaller | null, detail: Record<string, unknown>): void {
    try {
      this.deps.db.transaction(
        (tx) => appendAudit(tx, this.deps.station, this.deps.now(), { action, result, operatorId: caller?.operatorId ?? null, operatorName: caller?.operatorName ?? null, objectType: 'backup', objectId: typeof detail.fileName === 'string' ? detail.fileName : null, detail }),
        { behavior: 'immediate' },
      );
      this.deps.events.emit('db:changed', { tables: ['audit'] });
    } catch (err) {
      // The database may be the problem (disk full): the backup's own outcome still stands.
      this.deps.logger.error('could not audit a backup', err);
    }
  }
}
