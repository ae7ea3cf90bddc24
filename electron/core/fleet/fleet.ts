// The station's membership of a fleet, for front doors and the rest of the core: join and leave a hub,
// push and pull (once, or on a timer for long-lived front doors), and what the station knows: lines
// waiting for the hub, lines another dock scanned first, and the last push and pull. The hub being
// unreachable is never an error for the station: it is noted, said plainly, and tried again later.
import { performance } from 'node:perf_hooks';
import type { Hub } from '../../../db/hub/connect';
import { announceOnHub, listenHub, openHub, splitHubUrl, type HubListener } from '../../../db/hub/connect';
import { HubError, hubProblem, isHubUnreachable } from '../../../db/hub/errors';
import { hubSchemaProblem, migrateHub, type HubMigrationResult } from '../../../db/hub/migrate';
import { joinStation, leaveStation } from '../../../db/hub/repos/stations';
import { forgetCopy } from '../../../db/hub/local/copy';
import { currentLink, dropLink, noteHubProblem, saveLink } from '../../../db/hub/local/link';
import { duplicateCount, enqueueNewIdentities, waitingCount } from '../../../db/hub/local/outbox';
import type { StationDb } from '../../../db/open';
import type { StationTx } from '../../../db/types';
import { appendAudit, type AuditEntry } from '../audit';
import type { StationIdentity } from '../context';
import type { EventBus } from '../event-bus';
import type { Logger } from '../log';
import { exchange, type ExchangeResult } from './exchange';
import { markAllBatchesChanged } from '../../../db/hub/local/batch-changes';
import { KeptHub } from './kept-hub';
import { deskRound, type DeskRound } from './desk-round';
import { liveLeases } from '../../../db/hub/repos/upload-leases';
import { othersBatchStates } from '../../../db/hub/repos/batch-states';
import { anchorMismatches } from '../../../db/hub/repos/audit-anchors';
import { forgetOperatorAgreement } from '../../../db/hub/local/operators';
import { auditMismatchMessage } from './audit-anchor';
import { FleetPins } from './fleet-pins';
import { takeUploadLease, type LeaseAnswer } from './upload-lease';
import type { FleetStatus } from '../../../shared/contract/fleet';
import { forgetHubPassword, loadHubPassword, saveHubPassword, type KeychainOptions, type SavedPassword } from './hub-secret';

export interface FleetDeps {
  readonly db: StationDb;
  readonly dataDir: string;
  readonly station: StationIdentity;
  readonly now: () => number;
  readonly logger?: Logger;
  readonly events?: EventBus;
  /** A password given for this run (DOCKSIDE_HUB_PASSWORD, --hub-password -) wins over the saved one. */
  readonly password?: string;
  readonly keychain?: KeychainOptions;
  readonly connectTimeoutMs?: number;
  /** Operators another dock changed (PIN, role, active) or locked: their sessions here end. */
  readonly onOperatorsChanged?: (operatorIds: readonly number[]) => void;
}

export type { FleetStatus } from '../../../shared/contract/fleet';

export interface Operator {
  readonly id: number;
  readonly name: string;
}

export type SyncOutcome = ({ ok: true; desk: DeskRound } & ExchangeResult) | { ok: false; unreachable: boolean; notMember?: true; message: string };

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The hub's LISTEN/NOTIFY channel: a station that pushed says so; the others run a round. */
const FLEET_CHANNEL = 'dockside_fleet';
/** How soon a round follows a scan or another dock's notice (scans in a burst share it). */
const SOON_MS = 50;

export class NotInFleet extends Error {
  constructor() {
    super('This station is not in a fleet: run dockside fleet join --hub URL --station-name NAME first.');
  }
}

/** Creates or upgrades the hub's schema (run with the hub owner's role). */
export async function initHub(url: string, password?: string): Promise<HubMigrationResult & { where: string }> {
  const hub = await openHub({ url, password });
  try {
    return { ...(await migrateHub(hub.pool, hub.where).catch((err: unknown) => Promise.reject(hubProblem(err, hub.where)))), where: hub.where };
  } finally {
    await hub.close();
  }
}

export class Fleet {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = 0;
  private everyMs = 2000;
  private stopListening: (() => void) | null = null;
  private listener: HubListener | null = null;
  private listenerOpening = false;
  private running: Promise<SyncOutcome> | null = null;
  private readonly kept = new KeptHub(
    (url, password) => this.connect(url, password),
    () => this.timer !== null,
  );

  /** The PIN lock-out's count on the hub (see fleet-pins.ts), for the station's PIN checks. */
  readonly pins: FleetPins;

  constructor(private readonly deps: FleetDeps) {
    this.pins = new FleetPins({ db: deps.db, stationId: deps.station.id, now: deps.now, logger: deps.logger, open: async (url, timeoutMs) => this.connect(url, await this.password(), timeoutMs) });
  }

  private async password(): Promise<string | undefined> {
    return this.deps.password ?? (await loadHubPassword(this.deps.dataDir, this.deps.keychain)) ?? undefined;
  }

  private async connect(url: string, password: string | undefined, connectTimeoutMs = this.deps.connectTimeoutMs): Promise<Hub> {
    const hub = await openHub({ url, password, connectTimeoutMs });
    const schema = await hubSchemaProblem(hub.pool, hub.where).catch((err: unknown) => hubProblem(err, hub.where));
    if (schema) {
      await hub.close();
      throw schema;
    }
    return hub;
  }

  private audit(tx: StationTx, by: Operator | undefined, entry: Omit<AuditEntry, 'operatorId' | 'operatorName'>): void {
    appendAudit(tx, this.deps.station, this.deps.now(), { ...entry, operatorId: by?.id ?? null, operatorName: by?.name ?? null });
  }

  /** Joins the hub under this station's id; the password is kept encrypted (or not at all), never in the database. */
  async join(hubUrl: string, stationName: string, by?: Operator): Promise<{ saved: SavedPassword; hub: string }> {
    const { url, password: inUrl } = splitHubUrl(hubUrl);
    const password = this.deps.password ?? inUrl;
    const hub = await this.connect(url, password);
    try {
      await joinStation(hub.db, { id: this.deps.station.id, name: stationName }).catch((err: unknown) => Promise.reject(hubProblem(err, hub.where)));
    } finally {
      await hub.close();
    }
    const previous = currentLink(this.deps.db);
    this.deps.db.transaction(
      (tx) => {
        if (previous && previous.hubUrl !== url) {
          forgetCopy(tx);
          forgetOperatorAgreement(tx);
        }
        saveLink(tx, { hubUrl: url, stationName, joinedAt: this.deps.now() });
        // The hub (a new one, or the same after a leave) gets every batch in the first round.
        markAllBatchesChanged(tx);
        this.audit(tx, by, { action: 'fleet:joined', objectType: 'station', objectId: this.deps.station.id, detail: { hub: url, stationName } });
      },
      { behavior: 'immediate' },
    );
    const saved: SavedPassword = password === undefined ? { kept: false, reason: 'no password was given' } : await saveHubPassword(this.deps.dataDir, password, this.deps.keychain);
    this.deps.logger?.info('fleet joined', { hub: url, stationName, passwordKept: saved.kept });
    return { saved, hub: url };
  }

  /** Leaves the fleet: the hub marks the station gone (when it can be reached); the station forgets the link, the copy and the password. */
  async leave(by?: Operator): Promise<{ hubTold: boolean }> {
    const link = currentLink(this.deps.db);
    if (!link) throw new NotInFleet();
    let hubTold = false;
    try {
      const hub = await openHub({ url: link.hubUrl, password: await this.password(), connectTimeoutMs: this.deps.connectTimeoutMs });
      try {
        await leaveStation(hub.db, this.deps.station.id);
        hubTold = true;
      } finally {
        await hub.close();
      }
    } catch (err) {
      this.deps.logger?.warn('fleet leave: hub not told', { problem: hubProblem(err, link.hubUrl).message });
    }
    this.deps.db.transaction(
      (tx) => {
        forgetCopy(tx);
        forgetOperatorAgreement(tx);
        dropLink(tx);
        this.audit(tx, by, { action: 'fleet:left', objectType: 'station', objectId: this.deps.station.id, detail: { hub: link.hubUrl, hubTold } });
      },
      { behavior: 'immediate' },
    );
    await forgetHubPassword(this.deps.dataDir);
    this.stop();
    return { hubTold };
  }

  /** One push then one pull. A run already under way is joined, not doubled. */
  syncOnce(): Promise<SyncOutcome> {
    this.running ??= this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<SyncOutcome> {
    const link = currentLink(this.deps.db);
    if (!link) return { ok: false, unreachable: false, notMember: true, message: new NotInFleet().message };
    try {
      const password = await this.password();
      const { result, desk } = await this.kept.use(link.hubUrl, password, async (hub) => {
        const round = await exchange({ db: this.deps.db, stationId: this.deps.station.id, now: this.deps.now, audit: (tx, entry) => this.audit(tx, undefined, entry) }, hub);
        // Only after the push committed: a woken dock must find the claims there.
        if (round.pushed > 0 || round.released > 0) await announceOnHub(hub, FLEET_CHANNEL, this.deps.station.id);
        return { result: round, desk: await deskRound({ db: this.deps.db, station: this.deps.station, now: this.deps.now }, hub) };
      });
      this.listenForOthers(link.hubUrl, password);
      if (result.anchor && !result.anchor.anchored) this.deps.logger?.warn('fleet: the hub refused this station\'s audit chain head', { problem: result.anchor.mismatch });
      const changedOperators = [...result.operatorsPulled.filter((c) => c.change === 'changed').map((c) => c.operatorId), ...result.locksPulled.filter((l) => l.lockedUntil !== null).map((l) => l.operatorId)];
      if (changedOperators.length > 0) this.deps.onOperatorsChanged?.(changedOperators);
      if (result.operatorsPulled.length > 0 || result.locksPulled.length > 0) this.deps.events?.emit('db:changed', { tables: ['operators'] });
      if (result.flagged.length > 0) this.deps.logger?.warn('fleet: lines another dock scanned first', { lines: result.flagged.length });
      if (result.reclaimed.length > 0) this.deps.logger?.info('fleet: boxes given back by another dock, claimed again', { lines: result.reclaimed.length });
      if (result.flagged.length > 0 || result.reclaimed.length > 0) this.deps.events?.emit('db:changed', { tables: ['devices'] });
      if (desk.handled.done + desk.handled.refused > 0) this.deps.logger?.info('fleet: requests from other docks carried out', { done: desk.handled.done, refused: desk.handled.refused });
      if (desk.changed) this.deps.events?.emit('db:changed', { tables: desk.handled.done > 0 ? ['batches', 'uploads'] : ['batches'] });
      return { ok: true, ...result, desk };
    } catch (err) {
      const problem = err instanceof HubError ? err : hubProblem(err, link.hubUrl);
      this.deps.db.transaction((tx) => noteHubProblem(tx, this.deps.now(), problem.message), { behavior: 'immediate' });
      this.deps.logger?.warn('fleet sync failed', { problem: problem.message });
      return { ok: false, unreachable: isHubUnreachable(problem), message: problem.message };
    }
  }

  /**
   * Long-lived front doors: push and pull every `everyMs` (a failed round is retried on the next tick),
   * and soon after this station's own scans and another dock's notice on the hub, so that a box scanned
   * at one dock is known at the others within a round trip instead of two ticks.
   */
  start(everyMs = 2000): void {
    if (this.timer) return;
    this.everyMs = everyMs;
    this.stopListening = this.deps.events?.on('db:changed', ({ tables }) => {
      if (tables.includes('devices')) this.soon();
    }) ?? null;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = performance.now() + ms;
    this.timer = setTimeout(() => {
      void this.syncOnce().finally(() => {
        if (this.timer) this.schedule(this.everyMs);
      });
    }, ms).unref();
  }

  /** A round within SOON_MS, or right after the one under way; never later than already planned. */
  private soon(): void {
    if (!this.timer) return;
    if (this.running) {
      void this.running.finally(() => this.soon());
      return;
    }
    if (this.dueAt > performance.now() + SOON_MS) this.schedule(SOON_MS);
  }

  /** While looping, one connection of its own LISTENs for other docks' pushes; a lost one is opened again after the next round. */
  private listenForOthers(url: string, password: string | undefined): void {
    if (!this.timer || this.listener || this.listenerOpening) return;
    this.listenerOpening = true;
    listenHub({ url, password, connectTimeoutMs: this.deps.connectTimeoutMs }, FLEET_CHANNEL, this.deps.station.id, () => this.soon())
      .then((listener) => {
        if (!this.timer) return void listener.close();
        this.listener = listener;
        void listener.lost.then(() => {
          if (this.listener === listener) this.listener = null;
        });
      })
      .catch((err: unknown) => this.deps.logger?.warn('fleet: cannot listen for other docks (rounds still run on the timer)', { problem: hubProblem(err, url).message }))
      .finally(() => {
        this.listenerOpening = false;
      });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopListening?.();
    this.stopListening = null;
    void this.listener?.close();
    this.listener = null;
    void this.kept.retire();
    void this.pins.close();
  }

  /** Waits for a run under way and the close of the kept connection (orderly shutdown). */
  async settled(): Promise<void> {
    await this.running;
    if (!this.timer) await this.kept.retire();
  }

  /**
   * The customer's upload lease for this station (see upload-lease.ts): the upload engine takes it
   * before uploading for a customer and calls lease.ensure() before every request.
   */
  async uploadLease(customerTenantId: string, ttlMs?: number): Promise<LeaseAnswer> {
    const link = currentLink(this.deps.db);
    if (!link) throw new NotInFleet();
    const hub = await this.connect(link.hubUrl, await this.password());
    let answer: LeaseAnswer;
    try {
      answer = await takeUploadLease(hub, this.deps.station.id, customerTenantId, ttlMs, this.deps.now);
    } catch (err) {
      await hub.close();
      throw err;
    }
    if (!answer.held) {
      await hub.close();
      return answer;
    }
    const { lease } = answer;
    return { held: true, lease: { ...lease, release: () => lease.release().finally(() => hub.close()) } };
  }

  /** What `fleet status` shows; `probe` also checks the hub can be reached now. */
  async status(probe = true): Promise<FleetStatus> {
    const link = currentLink(this.deps.db);
    if (!link) return { member: false, hub: null, stationName: null, reachable: null, problem: null, lastPushAt: null, lastPullAt: null, waitingForConfirmation: 0, duplicates: 0, password: 'missing', uploadLeases: [], otherBatches: [], auditMismatches: [] };
    // Lines scanned since the last push wait too, whether or not the outbox has rows for them yet.
    this.deps.db.transaction((tx) => void enqueueNewIdentities(tx, this.deps.now()), { behavior: 'immediate' });
    const given = this.deps.password !== undefined;
    const saved = given ? null : await loadHubPassword(this.deps.dataDir, this.deps.keychain);
    let reachable: boolean | null = null;
    let problem: string | null = null;
    let uploadLeases: FleetStatus['uploadLeases'] = [];
    let otherBatches: FleetStatus['otherBatches'] = [];
    let auditMismatches: FleetStatus['auditMismatches'] = [];
    if (probe) {
      try {
        await this.kept.use(link.hubUrl, this.deps.password ?? saved ?? undefined, async (hub) => {
          uploadLeases = (await liveLeases(hub.db)).map((l) => ({ ...l, expiresAt: l.expiresAt.toISOString() }));
          otherBatches = (await othersBatchStates(hub.db, this.deps.station.id)).map(({ stationId: _id, updatedAt, ...b }) => ({ ...b, updatedAt: updatedAt.toISOString() }));
          auditMismatches = (await anchorMismatches(hub.db)).map((m) => ({ stationName: m.stationName, message: auditMismatchMessage(m.stationName, m.mismatch) }));
        });
        reachable = true;
      } catch (err) {
        reachable = false;
        problem = (err instanceof HubError ? err : hubProblem(err, link.hubUrl)).message;
      }
    }
    return {
      member: true,
      hub: link.hubUrl,
      stationName: link.stationName,
      reachable,
      problem: problem ?? (probe ? null : link.lastError),
      lastPushAt: iso(link.lastPushAt),
      lastPullAt: iso(link.lastPullAt),
      waitingForConfirmation: waitingCount(this.deps.db),
      duplicates: duplicateCount(this.deps.db),
      password: given ? 'given' : saved !== null ? 'saved' : 'missing',
      uploadLeases,
      otherBatches,
      auditMismatches,
    };
  }
}
