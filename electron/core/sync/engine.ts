// The upload engine: one loop per station that takes due chunks and moves each one step (send,
// reconcile, poll). A few steps run at once, each on a chunk of its own, so chunk posts overlap with
// status polls; the request window keeps them within Partner Center's throttling (it halves on a 429
// and waits out Retry-After). Waits come from the chunks' own next-attempt times, never a tight loop.
import type { StationDb } from '../../../db/open';
import { findBatch } from '../../../db/repos/batches';
import { activeBatchId, anyRetrying, slowChunkNote, attentionDeviceCount, batchChunks, batchUploadProgress, earliestPendingAt, nextDueChunk, updateChunk, waitingDeviceCount, type UploadRow } from '../../../db/repos/uploads';
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
import { JobPace } from './job-pace';
import { RequestWindow } from './request-window';
import { watchedClient } from './watched-client';
import { defaultSyncOptions, type StepResult, type SyncContext, type SyncOptions } from './sync-context';
import type { UploadGate } from './upload-gate';

export interface SyncEngineDeps {
  db: StationDb;
  now: () => number;
  events: EventBus;
  logger: Logger;
  station: StationIdentity;
  /** Null while the station has no Partner Center configuration. */
  client: () => PartnerCenterClient | null;
  options?: Partial<SyncOptions>;
  /** Who may send for a customer (the fleet's upload lease); absent = this station always may. */
  gate?: UploadGate;
}

function signInMessage(error: PartnerCenterError, waiting: number): string {
  if (error.code === MFA_REQUIRED_CODE) {
    return `Sign-in with MFA needed: Partner Center refuses sign-ins without multi-factor authentication. A shift lead must sign the station in again and complete MFA. ${plural(waiting, 'device')} waiting.`;
  }
  return `Sign-in needed: a shift lead must sign the station in to Partner Center. ${plural(waiting, 'device')} waiting.`;
}

export type StepOutcome = 'worked' | 'idle' | 'blocked';

interface Lane {
  batchId: number;
  /** The state the chunk was in when its step started: a send (pending, sending) or a poll (accepted). */
  state: string;
  done: Promise<StepOutcome>;
}

export class SyncEngine {
  private readonly options: SyncOptions;
  private status: SyncStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stepping: Promise<StepOutcome> | null = null;
  private signInNeeded = false;
  /** Steps with a request in flight, by chunk id: never two on one chunk. */
  private readonly lanes = new Map<number, Lane>();
  private readonly window: RequestWindow;
  private readonly pace: JobPace;

  constructor(private readonly deps: SyncEngineDeps) {
    this.options = { ...defaultSyncOptions, ...deps.options };
    this.status = { state: 'idle', message: 'Nothing to upload.', waitingDevices: 0, attentionDevices: 0, active: null, lastError: null, updatedAt: deps.now() };
    this.window = new RequestWindow(this.options.maxInFlight);
    this.pace = new JobPace(this.options.firstPollMs, this.options.maxPollMs);
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
    const ready = await this.prelude();
    if (ready.kind === 'stop') return ready.outcome;
    const chunk = this.nextChunk();
    if (!chunk) {
      if (this.lanes.size === 0) this.setStatus(this.betweenSteps(waitingDeviceCount(this.deps.db)));
      return 'idle';
    }
    return this.launch(chunk, ready.client).done;
  }

  /**
   * Several steps at once, each on a chunk of its own, as many as the request window allows: chunk
   * posts overlap with status polls. Resolves when one of them ends, or at once when none could start.
   */
  private async advance(): Promise<StepOutcome> {
    if (this.lanes.size === 0) {
      const ready = await this.prelude();
      if (ready.kind === 'stop') return ready.outcome;
      this.fill(ready.client);
      if (this.lanes.size === 0) {
        this.setStatus(this.betweenSteps(waitingDeviceCount(this.deps.db)));
        return 'idle';
      }
    } else {
      const client = this.deps.client();
      // Removals wait until the steps in flight are done: they run alone (see prelude).
      if (client && !this.signInNeeded && !this.removalsDue(client)) this.fill(client);
    }
    const lanes = [...this.lanes.values()].map((l) => l.done);
    // A chunk not in flight may fall due while the others still wait for their answers.
    const due = earliestPendingAt(this.deps.db, [...this.lanes.keys()]);
    const wake = due === null ? null : Math.max(this.window.openAt(this.deps.now()), due) - this.deps.now();
    if (wake === null || this.lanes.size >= this.window.limit) return Promise.race(lanes);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const woken = new Promise<StepOutcome>((resolve) => (timer = setTimeout(() => resolve('worked'), Math.max(10, wake))));
    try {
      return await Promise.race([...lanes, woken]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for every step in flight (stop, the end of runUntilSettled). */
  private async drain(): Promise<void> {
    while (this.lanes.size > 0) await Promise.allSettled([...this.lanes.values()].map((l) => l.done));
  }

  /** What must hold before any chunk step: a client, no sign-in pause, and removals done first. */
  private async prelude(): Promise<{ kind: 'go'; client: PartnerCenterClient } | { kind: 'stop'; outcome: StepOutcome }> {
    const client = this.deps.client();
    const waiting = waitingDeviceCount(this.deps.db);
    if (!client) {
      this.setStatus({ state: 'not-configured', message: waiting > 0 ? `Partner Center is not set up: ${plural(waiting, 'device')} waiting.` : 'Partner Center is not set up.', active: null, lastError: null });
      return { kind: 'stop', outcome: 'blocked' };
    }
    if (this.signInNeeded) {
      this.setStatus({ state: 'sign-in-needed', message: `Sign-in needed: a shift lead must sign the station in to Partner Center. ${plural(waiting, 'device')} waiting.`, active: null });
      return { kind: 'stop', outcome: 'blocked' };
    }
    // Removals left waiting (offline, throttled, a crash between the DELETE and its record) go first,
    // and alone: no upload step runs beside them.
    if (this.lanes.size === 0 && this.removalsDue(client)) {
      const done = await processDeregistrations(this.contextFor(client));
      this.deps.events.emit('db:changed', { tables: ['deregistrations', 'devices', 'batches', 'audit'] });
      if (done.deregistered + done.failed.length > 0) return { kind: 'stop', outcome: 'worked' };
    }
    return { kind: 'go', client };
  }

  private removalsDue(client: PartnerCenterClient): boolean {
    return dueDeregistrations(this.contextFor(client)).length > 0;
  }

  private contextFor(client: PartnerCenterClient): SyncContext {
    return { db: this.deps.db, now: this.deps.now, client, options: this.options, station: this.deps.station, pace: this.pace };
  }

  /** Starts steps on due chunks while the request window has room. */
  private fill(client: PartnerCenterClient): void {
    while (this.window.allows(this.lanes.size, this.deps.now())) {
      const chunk = this.nextChunk();
      if (!chunk) return;
      this.launch(chunk, client);
    }
  }

  /**
   * The oldest due chunk no step is on. A batch's first send runs alone: it looks at Partner Center's
   * batches and decides between create and append, and a second send beside it would decide the same.
   */
  private nextChunk(): UploadRow | undefined {
    const skip = [...this.lanes.keys()];
    for (;;) {
      const chunk = nextDueChunk(this.deps.db, this.deps.now(), skip);
      if (!chunk || chunk.state === 'accepted' || this.maySend(chunk)) return chunk;
      skip.push(chunk.id);
    }
  }

  private maySend(chunk: UploadRow): boolean {
    const sending = [...this.lanes.values()].some((l) => l.batchId === chunk.batchId && l.state !== 'accepted');
    if (!sending) return true;
    // Once one chunk is known to Partner Center, every other chunk of the batch appends beside it.
    return batchChunks(this.deps.db, chunk.batchId).some((c) => c.id !== chunk.id && !this.lanes.has(c.id) && (c.trackingId !== null || c.state === 'accepted' || c.state === 'done'));
  }

  private launch(chunk: UploadRow, client: PartnerCenterClient): Lane {
    const watched = watchedClient(client, (result) => this.window.observe(result, this.deps.now()));
    const done = this.runChunk(chunk, this.contextFor(watched)).finally(() => this.lanes.delete(chunk.id));
    const lane = { batchId: chunk.batchId, state: chunk.state, done };
    this.lanes.set(chunk.id, lane);
    return lane;
  }

  /** Null when the chunk may be sent now; else the step's outcome after putting the chunk off. */
  private async heldBack(chunk: UploadRow): Promise<StepOutcome | null> {
    const customer = this.deps.gate && chunk.state !== 'accepted' ? findBatch(this.deps.db, chunk.batchId)?.customerTenantId : null;
    if (!this.deps.gate || !customer) return null;
    const answer = await this.deps.gate.mayUpload(customer);
    if (answer.ok) return null;
    const at = this.deps.now() + answer.retryInMs;
    this.deps.db.transaction((tx) => updateChunk(tx, chunk.id, { nextAttemptAt: at }), { behavior: 'immediate' });
    this.setStatus({ state: 'waiting', message: answer.message, lastError: answer.message });
    return 'blocked';
  }

  private async runChunk(chunk: UploadRow, ctx: SyncContext): Promise<StepOutcome> {
    const held = await this.heldBack(chunk);
    if (held) return held;
    const waiting = waitingDeviceCount(this.deps.db);
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

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stepping) await this.stepping;
    await this.drain();
    await this.deps.gate?.close();
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    this.timer.unref?.();
  }

  /** One round of steps, shared by whoever asks while it runs (the loop, a kick, runUntilSettled). */
  private round(): Promise<StepOutcome> {
    this.stepping ??= this.advance().finally(() => (this.stepping = null));
    return this.stepping;
  }

  /** When a chunk no step is on falls due and the request window lets it start; null when none waits. */
  private nextWakeAt(): number | null {
    const due = earliestPendingAt(this.deps.db, [...this.lanes.keys()]);
    return due === null ? null : Math.max(due, this.window.openAt(this.deps.now()));
  }

  private async loop(): Promise<void> {
    const outcome = await this.round();
    if (outcome === 'worked' || this.lanes.size > 0) return this.schedule(0);
    const at = this.nextWakeAt();
    const wait = at === null ? this.options.idleMs : Math.min(this.options.idleMs * 15, Math.max(50, at - this.deps.now()));
    this.schedule(outcome === 'blocked' ? Math.max(wait, this.options.idleMs) : wait);
  }

  /** For `dockside sync --once` and tests: steps until nothing is due or in flight. */
  async runUntilSettled(options: { timeoutMs: number; sleep?: (ms: number) => Promise<void> }): Promise<SyncStatus> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Date.now() + options.timeoutMs;
    while (Date.now() < deadline) {
      const outcome = await this.round();
      if (outcome === 'worked' || this.lanes.size > 0) continue;
      if (this.status.state === 'sign-in-needed' || this.status.state === 'not-configured') break;
      const at = this.nextWakeAt();
      if (at === null) break;
      await sleep(Math.max(10, Math.min(at - this.deps.now(), deadline - Date.now())));
    }
    await this.drain();
    return this.status;
  }
}
