// One push and one pull between a station and its hub. Push: the outbox rows still waiting, in
// sequence order, answered by the hub's verdicts. Pull: the other docks' identities after the cursor,
// into the station's copy. Each step commits on the station before the next, so a hub lost half-way
// leaves the station consistent: unanswered rows are simply sent again, and the hub recognises them.
import type { Hub } from '../../../db/hub/connect';
import { claimIdentities, lastIdentityId, othersIdentitiesAfter, othersReleasesAfter, releaseIdentities } from '../../../db/hub/repos/identities';
import { claimStationRole, markPulled, markPushed } from '../../../db/hub/repos/stations';
import { operatorsChangedAfter, pushOperatorChanges } from '../../../db/hub/repos/operators';
import { clearHubLock, hubLockStates, pushOfflineFailures } from '../../../db/hub/repos/lockouts';
import { advanceAnchor, anchorOf, type AnchorAnswer } from '../../../db/hub/repos/audit-anchors';
import { applyHubOperators, noteOperatorsPulled, noteOperatorsPushed, operatorChanges, operatorCursor, type PulledOperatorChange } from '../../../db/hub/local/operators';
import { noteFailuresPushed, noteUnlockSent, waitingFailures, waitingUnlocks } from '../../../db/hub/local/pin-failures';
import { auditHashAt, auditHead } from '../../../db/hub/local/audit-head';
import { applyFleetLocks, type FleetLockChange } from '../../../db/hub/local/fleet-locks';
import { copyIdentities } from '../../../db/hub/local/copy';
import { currentLink, notePulled, notePushed } from '../../../db/hub/local/link';
import { applyReleases, changedClaims, enqueueNewIdentities, replaceChanged, noteReleased, noteReleasesPulled, recordVerdicts, waitingClaims, waitingReleases } from '../../../db/hub/local/outbox';
import type { StationDb } from '../../../db/open';
import type { StationTx } from '../../../db/types';
import type { AuditEntry } from '../audit';
import { pushChangedBatches } from './batch-states-push';

const PUSH_CHUNK = 500;
const PULL_CHUNK = 2000;

export interface ExchangeResult {
  readonly pushed: number;
  readonly pulled: number;
  /** Device lines the hub says another dock scanned first. */
  readonly flagged: readonly number[];
  /** Identities this station gave back (its lines were removed). */
  readonly released: number;
  /** This station's lines that had lost their box to a dock that then gave it back: claimed again. */
  readonly reclaimed: readonly number[];
  /** Batch states this station sent (only those changed since the hub last took them). */
  readonly batchesPushed: number;
  /** Operators this station pushed (added or changed here). */
  readonly operatorsPushed: number;
  /** Operators other docks added or changed, taken into this station. */
  readonly operatorsPulled: readonly PulledOperatorChange[];
  /** Lock-outs this station took over from the hub (locked, or ended: lockedUntil null). */
  readonly locksPulled: readonly FleetLockChange[];
  /** Whether the hub took this station's audit chain head as a successor of its anchor. */
  readonly anchor: AnchorAnswer | null;
}

export interface ExchangeDeps {
  readonly db: StationDb;
  readonly stationId: string;
  readonly now: () => number;
  /** Audits, in the same transaction, what the fleet changed on this station (operators, lock-outs). */
  readonly audit?: (tx: StationTx, entry: AuditEntry) => void;
}

export async function push(deps: ExchangeDeps, hub: Hub): Promise<{ pushed: number; flagged: number[]; released: number; operatorsPushed: number; batchesPushed: number }> {
  const { db, now } = deps;
  // A station that joined before the hub knew roles ties its row to its role first (row-level security).
  await claimStationRole(hub.db, deps.stationId);
  db.transaction((tx) => void enqueueNewIdentities(tx, now()), { behavior: 'immediate' });
  // A line whose serial (model, PKID, hash) was fixed gives its old value back first, so another dock
  // that lost the old value gets it in its next pull, and the new value is claimed below.
  let released = 0;
  for (;;) {
    const changed = changedClaims(db, PUSH_CHUNK);
    if (changed.length === 0) break;
    released += await releaseIdentities(hub.db, deps.stationId, changed.filter((c) => c.giveBack).map((c) => c.seq));
    db.transaction((tx) => replaceChanged(tx, now(), changed.map((c) => c.seq), changed.map((c) => c.deviceId)), { behavior: 'immediate' });
  }
  let pushed = 0;
  const flagged: number[] = [];
  for (;;) {
    const claims = waitingClaims(db, PUSH_CHUNK);
    if (claims.length === 0) break;
    const answers = await claimIdentities(
      hub.db,
      deps.stationId,
      claims.map((c) => ({ ...c, scannedAt: new Date(c.scannedAt) })),
    );
    flagged.push(...db.transaction((tx) => recordVerdicts(tx, now(), answers.map((a) => ({ ...a, first: { ...a.first, scannedAt: a.first.scannedAt.getTime() } }))), { behavior: 'immediate' }));
    pushed += claims.length;
    if (answers.length < claims.length) throw new Error(`the hub answered ${answers.length} of ${claims.length} claims`);
  }
  // After the claims: a line removed and scanned again has its new claim answered before the old one goes.
  for (;;) {
    const seqs = waitingReleases(db, PUSH_CHUNK);
    if (seqs.length === 0) break;
    released += await releaseIdentities(hub.db, deps.stationId, seqs);
    db.transaction((tx) => noteReleased(tx, now(), seqs), { behavior: 'immediate' });
  }
  const batchesPushed = await pushChangedBatches(db, deps.stationId, hub);
  const operatorsPushed = await pushOperators(deps, hub);
  await pushFailures(deps, hub);
  await markPushed(hub.db, deps.stationId);
  db.transaction((tx) => notePushed(tx, now()), { behavior: 'immediate' });
  return { pushed, flagged, released, operatorsPushed, batchesPushed };
}

/** Operators added or changed here since the last agreement; what the hub wrote becomes the agreement. */
async function pushOperators(deps: ExchangeDeps, hub: Hub): Promise<number> {
  const changes = operatorChanges(deps.db);
  if (changes.length === 0) return 0;
  const written = await pushOperatorChanges(hub.db, deps.stationId, changes);
  deps.db.transaction((tx) => noteOperatorsPushed(tx, written), { behavior: 'immediate' });
  return written.length;
}

/**
 * Wrong PINs counted here while the hub was away join the fleet's count (a resend counts nothing twice);
 * then unlocks made here meanwhile end the hub's locks, before the pull takes the hub's locks back in.
 */
async function pushFailures(deps: ExchangeDeps, hub: Hub): Promise<void> {
  for (;;) {
    const failures = waitingFailures(deps.db, PUSH_CHUNK);
    if (failures.length === 0) break;
    await pushOfflineFailures(hub.db, deps.stationId, failures.map((f) => ({ ...f, failedAt: new Date(f.failedAt) })));
    deps.db.transaction((tx) => noteFailuresPushed(tx, failures.map((f) => f.seq), deps.now()), { behavior: 'immediate' });
  }
  for (const nameKey of waitingUnlocks(deps.db)) {
    await clearHubLock(hub.db, deps.stationId, nameKey);
    deps.db.transaction((tx) => noteUnlockSent(tx, nameKey), { behavior: 'immediate' });
  }
}

/** The audit chain head goes to the hub, with the hash this chain holds at the anchored row. */
export async function anchorAudit(deps: ExchangeDeps, hub: Hub): Promise<AnchorAnswer | null> {
  const head = auditHead(deps.db);
  if (!head) return null;
  const anchor = await anchorOf(hub.db, deps.stationId);
  const atAnchor = anchor ? auditHashAt(deps.db, anchor.lastId) : null;
  return advanceAnchor(hub.db, deps.stationId, head, { anchor, atAnchor });
}

export async function pull(deps: ExchangeDeps, hub: Hub): Promise<{ pulled: number; reclaimed: number[]; operatorsPulled: PulledOperatorChange[]; locksPulled: FleetLockChange[] }> {
  const { db, now } = deps;
  let cursor = currentLink(db)?.pullCursor ?? 0;
  let pulled = 0;
  for (;;) {
    const rows = await othersIdentitiesAfter(hub.db, deps.stationId, cursor, PULL_CHUNK);
    if (rows.length === 0) break;
    cursor = rows.at(-1)?.id ?? cursor;
    const copied = rows.map(({ id, stationId: _station, scannedAt, ...r }) => ({ ...r, hubId: id, scannedAt: scannedAt.getTime() }));
    db.transaction(
      (tx) => {
        copyIdentities(tx, copied);
        notePulled(tx, now(), cursor);
      },
      { behavior: 'immediate' },
    );
    pulled += rows.length;
  }
  // Own rows are never copied; moving past them keeps the next pull from reading them again.
  const last = await lastIdentityId(hub.db);
  if (last > cursor) {
    const behind = await othersIdentitiesAfter(hub.db, deps.stationId, cursor, 1);
    if (behind.length === 0) cursor = last;
  }
  const reclaimed = await pullReleases(deps, hub);
  const operatorsPulled = await pullOperators(deps, hub);
  const locks = await hubLockStates(hub.db);
  const locksPulled = db.transaction(
    (tx) =>
      applyFleetLocks(tx, locks, now()).map((l) => {
        if (l.lockedUntil === null) deps.audit?.(tx, { action: 'fleet:operatorUnlocked', objectType: 'operator', objectId: l.operatorId, detail: { name: l.name } });
        else deps.audit?.(tx, { action: 'fleet:operatorLocked', result: 'denied', objectType: 'operator', objectId: l.operatorId, detail: { name: l.name, lockedUntil: l.lockedUntil } });
        return l;
      }),
    { behavior: 'immediate' },
  );
  await markPulled(hub.db, deps.stationId);
  db.transaction((tx) => notePulled(tx, now(), cursor), { behavior: 'immediate' });
  return { pulled, reclaimed, operatorsPulled, locksPulled };
}

/** Operators other docks added or changed, into this station's table (audited here as the fleet's doing). */
async function pullOperators(deps: ExchangeDeps, hub: Hub): Promise<PulledOperatorChange[]> {
  const { db, now } = deps;
  let cursor = operatorCursor(db);
  const changes: PulledOperatorChange[] = [];
  for (;;) {
    const rows = await operatorsChangedAfter(hub.db, cursor, PULL_CHUNK);
    if (rows.length === 0) return changes;
    cursor = rows.at(-1)?.changeId ?? cursor;
    db.transaction(
      (tx) => {
        for (const c of applyHubOperators(tx, rows, now())) {
          changes.push(c);
          deps.audit?.(tx, { action: c.change === 'added' ? 'fleet:operatorAdded' : 'fleet:operatorChanged', objectType: 'operator', objectId: c.operatorId, detail: { name: c.name, fields: c.fields, byStation: c.station } });
        }
        noteOperatorsPulled(tx, cursor);
      },
      { behavior: 'immediate' },
    );
  }
}

/** Boxes other docks gave back: forgotten from the copy; this station's lines that had lost them claim again. */
async function pullReleases(deps: ExchangeDeps, hub: Hub): Promise<number[]> {
  const { db, now } = deps;
  let cursor = currentLink(db)?.releaseCursor ?? 0;
  const reclaimed: number[] = [];
  for (;;) {
    const rows = await othersReleasesAfter(hub.db, deps.stationId, cursor, PULL_CHUNK);
    if (rows.length === 0) break;
    cursor = rows.at(-1)?.id ?? cursor;
    db.transaction(
      (tx) => {
        reclaimed.push(...applyReleases(tx, now(), rows));
        noteReleasesPulled(tx, cursor);
      },
      { behavior: 'immediate' },
    );
  }
  return reclaimed;
}

export async function exchange(deps: ExchangeDeps, hub: Hub): Promise<ExchangeResult> {
  const first = await push(deps, hub);
  const { pulled, reclaimed, operatorsPulled, locksPulled } = await pull(deps, hub);
  // Lines claimed again go out at once, so their flag clears in this round, not the next.
  const again = reclaimed.length > 0 ? await push(deps, hub) : { pushed: 0, flagged: [], released: 0, operatorsPushed: 0, batchesPushed: 0 };
  // Last, so the head includes what this round audited.
  const anchor = await anchorAudit(deps, hub);
  return {
    pushed: first.pushed + again.pushed,
    pulled,
    flagged: [...first.flagged, ...again.flagged],
    released: first.released + again.released,
    reclaimed,
    batchesPushed: first.batchesPushed + again.batchesPushed,
    operatorsPushed: first.operatorsPushed + again.operatorsPushed,
    operatorsPulled,
    locksPulled,
    anchor,
  };
}
