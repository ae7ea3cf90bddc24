// "Create support bundle": one zip a lead or admin can send to whoever helps, holding what is needed
// to understand a station's trouble and nothing that would let anyone act as it: the logs (masked
// again line by line, in case an older file predates masking), versions, settings with secrets
// replaced by "(set)"/"(not set)", the verify output, database statistics (counts, never rows) and
// the backup listing. Written under a temp name and renamed, so a half-written zip is never found;
// audited like a backup.
import type Database from 'better-sqlite3';
import { strToU8 } from 'fflate';
import { existsSync, statSync } from 'node:fs';
import { ensurePrivateDir } from '../files/private-files';
import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { join } from 'node:path';
import type { StationDb } from '../../../db/open';
import type { SupportBundle } from '../../../shared/contract/support';
import { appendAudit } from '../audit';
import { readHeadText } from '../audit-seal/head';
import { backupDirFor, listBackups } from '../backup/backup-files';
import type { StationIdentity } from '../context';
import { databasePath } from '../data-dir';
import type { EventBus } from '../event-bus';
import { writeFileAtomic } from '../files/atomic-write';
import type { Logger } from '../log';
import { redactText } from '../logging/redact';
import { listLogFiles, logDirFor } from '../logging/rotating-file';
import { readSetting } from '../settings';
import { verifyStation } from '../verify';
import { bundleFileName, stationSlug, supportDirFor } from './bundle-name';
import { databaseStats } from './database-stats';
import { settingsSnapshot } from './settings-snapshot';
import { verifyText } from './verify-text';
import { collectVersions } from './versions';
import { zipEntries } from './zip-entries';

export interface SupportDeps {
  readonly sqlite: Database.Database;
  readonly db: StationDb;
  readonly dataDir: string;
  readonly now: () => number;
  readonly station: StationIdentity;
  readonly version: string;
  readonly events: EventBus;
  readonly logger: Logger;
}

export interface SupportCaller {
  readonly operatorId: number | null;
  readonly operatorName: string | null;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** Lines masked between turns of the event loop, so full logs (25 MB) never hold up a scan for long. */
const LINES_PER_TURN = 250;

/** A log file with every line masked again; lines are at most 64 KiB, so none is cut. */
async function maskedLog(path: string): Promise<Uint8Array> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    lines[i] = redactText(lines[i]!, Number.POSITIVE_INFINITY);
    if (i % LINES_PER_TURN === LINES_PER_TURN - 1) await nextTurn();
  }
  return strToU8(lines.join('\n'));
}

function backupsListing(deps: SupportDeps): unknown {
  const dir = backupDirFor(deps.dataDir);
  return {
    dir,
    intervalHours: readSetting(deps.db, 'backup.intervalHours') ?? 24,
    keep: readSetting(deps.db, 'backup.keep') ?? 14,
    backups: listBackups(dir).map((b) => ({ fileName: b.fileName, kind: b.kind, bytes: b.bytes, at: new Date(b.at).toISOString() })),
  };
}

/** The bundle's files, in the order they appear in the zip. */
export async function bundleEntries(deps: SupportDeps): Promise<Record<string, Uint8Array>> {
  const entries: Record<string, Uint8Array> = {};
  const at = new Date(deps.now()).toISOString();
  entries['versions.json'] = json({ createdAt: at, station: { id: deps.station.id, name: readSetting(deps.db, 'station.name') ?? deps.station.name }, ...collectVersions(deps.sqlite, deps.version) });
  entries['settings.json'] = json(settingsSnapshot(deps.db, deps.dataDir));
  entries['verify.txt'] = strToU8(verifyText(verifyStation(deps.sqlite, deps.station.seal.chainKeys())));
  // The head kept outside the database, so support can tell a cut-off trail from a short one.
  const head = readHeadText(deps.station.seal.headPath);
  if (head !== null) entries['audit-head.json'] = strToU8(head);
  entries['database.json'] = json(databaseStats(deps.sqlite, databasePath(deps.dataDir)));
  entries['backups.json'] = json(backupsListing(deps));
  const logDir = logDirFor(deps.dataDir);
  for (const name of listLogFiles(logDir)) {
    try {
      entries[`logs/${name}`] = await maskedLog(join(logDir, name));
    } catch (err) {
      // Rotated away between listing and reading: the bundle goes on without it.
      deps.logger.warn('a log file could not be added to the support bundle', { file: name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return entries;
}

function freeName(dir: string, station: string, at: number): string {
  for (let attempt = 0; ; attempt += 1) {
    const name = bundleFileName(station, at, attempt);
    if (!existsSync(join(dir, name))) return name;
  }
}

export async function createSupportBundle(deps: SupportDeps, caller: SupportCaller | null): Promise<SupportBundle> {
  const at = deps.now();
  const files = await bundleEntries(deps);
  const bytes = await zipEntries(files, at);
  const dir = supportDirFor(deps.dataDir);
  ensurePrivateDir(dir);
  const fileName = freeName(dir, stationSlug(readSetting(deps.db, 'station.name') ?? deps.station.name, deps.station.id), at);
  const path = join(dir, fileName);
  await writeFileAtomic(path, bytes);
  const bundle: SupportBundle = { path, fileName, bytes: statSync(path).size, entries: Object.keys(files) };
  deps.db.transaction(
    (tx) =>
      appendAudit(tx, deps.station, deps.now(), {
        action: 'support:createBundle',
        operatorId: caller?.operatorId ?? null,
        operatorName: caller?.operatorName ?? null,
        objectType: 'support-bundle',
        objectId: fileName,
        detail: { fileName, bytes: bundle.bytes, entries: bundle.entries },
      }),
    { behavior: 'immediate' },
  );
  deps.events.emit('db:changed', { tables: ['audit'] });
  deps.logger.info('support bundle created', { fileName, bytes: bundle.bytes, entries: bundle.entries.length });
  return bundle;
}
