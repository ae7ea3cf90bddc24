// The upload engine: one loop per station that takes the next due chunk and moves it one step
// (send, reconcile, poll). One request at a time keeps the station far below Partner Center's
// throttling in normal use; waits come from the chunks' own next-attempt times, never a tight loop.
import type { StationDb } from '../../../db/open';
import { findBatch } from '../../../db/repos/batches';
import { activeBatchId, anyRetrying, slowChunkNote, attentionDeviceCount, batchUploadProgress, earliestPendingAt, nextDueChunk, waitingDeviceCount } from '../../../db/repos/uploads';
import type { SyncStatus } from '../../../shared/contract/sync';
import { withAttention } from '../../../shared/domain/sync-health';
import { plural } from '../../../shared/domain/words';
import type { PartnerCenterClient, PartnerCenterError } from '../../partner-center/client';
import { MFA_REQUIRED_CODE } from '../../../shared/domain/refusals';
import type { StationIdentity } from '../context';
import type { EventBus } from '../event-bus';
import type { Logger } from '../log';
import { pollChunk } from './poll-chunk';
import { dueDeregistrations, processDeregistrations } from './deregister';
import { reconcileChunk } from './reconcile-chunk';
import { sendChunk } from './send-chunk';
import { defaultSyncOptions, type StepResult, type SyncContext, type SyncOptions } from './sync-context';

export interface SyncEngineDeps {
  db: StationDb;
  now: () => number;
  events: EventBus;
  logger: Logger;
  station: StationIdentity;
  /** Null while the station has no Partner Center configuration. */
  client: () => PartnerCenterClient | null;
  options?: Partial<SyncOptions>;
}

function signInMessage(error: PartnerCenterError, waiting: number): string {
  if (error.code === MFA_REQUIRED_CODE) {
    return `Sign-in with MFA needed: Partner Center refuses sign-ins without multi-factor authentication. A shift lead must sign the station in again and complete MFA. ${plural(waiting, 'device')} waiting.`;
  }
  return `Sign-in needed: a shift lead must sign the station in to Partner Center. ${plural(waiting, 'device')} waiting.`;
}

export type StepOutcome = 'worked' | 'idle' | 'blocked';

export class SyncEngine {
  private readonly options: SyncOptions;
  private status: SyncStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stepping: Promise<StepOutcome> | null = null;
  private signInNeeded = false;

  constructor(private readonly deps: SyncEngineDeps) {
    this.options = { ...defaultSyncOptions, ...deps.options };
    this.status = { state: 'idle', message: 'Nothing to upload.', waitingDevices: 0, attentionDevices: 0, active: null, lastError: null, updatedAt: deps.now() };
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** One step on the next due chunk; never runs two steps at once. */
  step(): Promise<StepOutcome> {
    this.stepping ??= this.doStep().finally(() => (this.stepping = null));
    return this.stepping;
  }

  private async doStep(): Promise<StepOutcome> {
    const client = this.deps.client();
    const waiting = waitingDeviceCount(this.deps.db);
    if (!client) {
      this.setStatus({ state: 'not-configured', message: waiting > 0 ? `Partner Center is not set up: ${plural(waiting, 'device')} waiting.` : 'Partner Center is not set up.', active: null, lastError: null });
      return 'blocked';
    }
    if (this.signInNeeded) {
      this.setStatus({ state: 'sign-in-needed', message: `Sign-in needed: a shift lead must sign the station in to Partner Center. ${plural(waiting, 'device')} waiting.`, active: null });
      return 'blocked';
    }
    const ctx0: SyncContext = { db: this.deps.db, now: this.deps.now, client, options: this.options, station: this.deps.station };
    // Removals left waiting (offline, throttled, a crash between the DELETE and its record) go first.
    if (dueDeregistrations(ctx0).length > 0) {
      const done = await processDeregistrations(ctx0);
      this.deps.events.emit('db:changed', { tables: ['deregistrations', 'devices', 'batches', 'audit'] });
      if (done.deregistered + done.failed.length > 0) return 'worked';
    }
    const chunk = nextDueChunk(this.deps.db, this.deps.now());
    if (!chunk) {
      this.setStatus(this.betweenSteps(waiting));
      return 'idle';
    }
    const ctx: SyncContext = { db: this.deps.db, now: this.deps.now, client, options: this.options, station: this.deps.station };
    this.setStatus({ state: 'working', message: `Uploading: ${plural(waiting, 'device')} waiting.`, active: this.progressOf(chunk.batchId) });
    let result: StepResult;
    try {
      result = chunk.state === 'pending' ? await sendChunk(ctx, chunk) : chunk.state === 'sending' ? await reconcileChunk(ctx, chunk) : await pollChunk(ctx, chunk);
    } catch (err) {
      this.deps.logger.error('upload step failed', err, { chunk: chunk.id });
      this.setStatus({ state: 'waiting', message: 'An upload step failed unexpectedly; it will be retried. See the log.', lastError: String(err) });
      return 'blocked';
    } finally {
      this.deps.events.emit('db:changed', { tables: ['uploads', 'devices', 'batches', 'audit'] });
    }
    return this.afterStep(result, chunk.batchId);
  }

  private afterStep(result: StepResult, batchId: number): StepOutcome {
    const waiting = waitingDeviceCount(this.deps.db);
    switch (result.kind) {
      case 'slow':
        this.setStatus({ state: 'working', message: result.message, active: this.progressOf(batchId), lastError: null });
        return 'idle';
      case 'progress':
      case 'waiting':
        this.setStatus({ state: 'working', message: `Uploading: ${plural(waiting, 'device')} waiting.`, active: this.progressOf(batchId), lastError: null });
        return result.kind === 'progress' ? 'worked' : 'idle';
      case 'offline':
        this.setStatus({ state: 'offline', message: `Offline — ${plural(waiting, 'device')} waiting. Retrying by itself.`, lastError: result.error.message });
        return 'blocked';
      case 'sign-in-needed':
        this.signInNeeded = true;
        this.setStatus({ state: 'sign-in-needed', message: signInMessage(result.error, waiting), lastError: result.error.message });
        return 'blocked';
      case 'refused':
        this.setStatus({ state: 'waiting', message: result.message, lastError: result.message });
        return 'blocked';
    }
  }

  /** Nothing due right now: Partner Center is still processing, a retry is waiting, or all is settled. */
  private betweenSteps(waiting: number): Partial<SyncStatus> {
    if (waiting === 0) return { state: 'idle', message: 'All uploads settled.', active: null, lastError: null };
    const active = this.progressOf(activeBatchId(this.deps.db));
    // A refusal before anything was sent counts too: "processing" would hide why nothing moves.
    if ((anyRetrying(this.deps.db) || this.status.state === 'waiting') && this.status.lastError) {
      return { state: 'waiting', message: `Will retry: ${plural(waiting, 'device')} waiting (${this.status.lastError}).`, active };
    }
    // A slow job's message stays up between its (rarer) polls instead of a generic "processing".
    const slow = slowChunkNote(this.deps.db);
    if (slow) return { state: 'working', message: slow, active };
    return { state: 'working', message: `Partner Center is processing the upload: ${plural(waiting, 'device')} on the way.`, active };
  }

  private progressOf(batchId: number | null): SyncStatus['active'] {
    if (batchId === null) return null;
    const batch = findBatch(this.deps.db, batchId);
    if (!batch) return null;
    return { batchId, batchName: batch.name, ...batchUploadProgress(this.deps.db, batchId) };
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    const waitingDevices = waitingDeviceCount(this.deps.db);
    const before = this.status;
    const next = { ...this.status, ...patch, waitingDevices, attentionDevices: attentionDeviceCount(this.deps.db), updatedAt: this.deps.now() };
    // A patch that settles to idle starts from 'idle' again, so an old attention state never sticks.
    this.status = withAttention(next.state === 'needs-attention' ? { ...next, state: 'idle' as const } : next);
    // Changes only: a poll every few seconds must not flood the log with the same line.
    if (this.status.state !== before.state || this.status.message !== before.message) {
      const fields = { state: this.status.state, message: this.status.message, waiting: waitingDevices, attention: this.status.attentionDevices, batch: this.status.active?.batchName ?? null, lastError: this.status.lastError };
      if (this.status.state === 'offline' || this.status.state === 'sign-in-needed') this.deps.logger.warn('upload status', fields);
      else this.deps.logger.info('upload status', fields);
    }
    this.deps.events.emit('sync:status', this.status);
  }

  /** After a sign-in or a lead's "try now": forget the pause and look at the outbox at once. */
  kick(): void {
    this.signInNeeded = false;
    if (this.running) this.schedule(0);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.stepping ? this.stepping.then(() => undefined) : Promise.resolve();
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    const outcome = await this.step();
    if (outcome === 'worked') return this.schedule(0);
    const due = earliestPendingAt(this.deps.db);
    const wait = due === null ? this.options.idleMs : Math.min(this.options.idleMs * 15, Math.max(50, due - this.deps.now()));
    this.schedule(outcome === 'blocked' ? Math.max(wait, this.options.idleMs) : wait);
  }

  /** For `dockside sync --once` and tests: steps until nothing is due or in flight. */
  async runUntilSettled(options: { timeoutMs: number; sleep?: (ms: number) => Promise<void> }): Promise<SyncStatus> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Date.now() + options.timeoutMs;
    while (Date.now() < deadline) {
      const outcome = await this.step();
      if (outcome === 'worked') continue;
      if (this.status.state === 'sign-in-needed' || this.status.state === 'not-configured') break;
      const due = earliestPendingAt(this.deps.db);
      if (due === null) break;
      await sleep(Math.max(10, Math.min(due - this.deps.now(), deadline - Date.now())));
    }
    return this.status;
  }
}
