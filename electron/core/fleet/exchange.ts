// One push and one pull between a station and its hub. Push: the outbox rows still waiting, in
// sequence order, answered by the hub's verdicts. Pull: the other docks' identities after the cursor,
// into the station's copy. Each step commits on the station before the next, so a hub lost half-way
// leaves the station consistent: unanswered rows are simply sent again, and the hub recognises them.
import type { Hub } from '../../../db/hub/connect';
import { claimIdentities, lastIdentityId, othersIdentitiesAfter, othersReleasesAfter, releaseIdentities } from '../../../db/hub/repos/identities';
import { recordBatchStates } from '../../../db/hub/repos/batch-states';
import { markPulled, markPushed } from '../../../db/hub/repos/stations';
import { copyIdentities } from '../../../db/hub/local/copy';
import { currentLink, notePulled, notePushed } from '../../../db/hub/local/link';
import { applyReleases, batchSummaries, enqueueNewIdentities, noteReleased, noteReleasesPulled, recordVerdicts, waitingClaims, waitingReleases } from '../../../db/hub/local/outbox';
import type { StationDb } from '../../../db/open';

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
}

export interface ExchangeDeps {
  readonly db: StationDb;
  readonly stationId: string;
  readonly now: () => number;
}

export async function push(deps: ExchangeDeps, hub: Hub): Promise<{ pushed: number; flagged: number[]; released: number }> {
  const { db, now } = deps;
  db.transaction((tx) => void enqueueNewIdentities(tx, now()), { behavior: 'immediate' });
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
  let released = 0;
  for (;;) {
    const seqs = waitingReleases(db, PUSH_CHUNK);
    if (seqs.length === 0) break;
    released += await releaseIdentities(hub.db, deps.stationId, seqs);
    db.transaction((tx) => noteReleased(tx, now(), seqs), { behavior: 'immediate' });
  }
  await recordBatchStates(hub.db, deps.stationId, batchSummaries(db));
  await markPushed(hub.db, deps.stationId);
  db.transaction((tx) => notePushed(tx, now()), { behavior: 'immediate' });
  return { pushed, flagged, released };
}

export async function pull(deps: ExchangeDeps, hub: Hub): Promise<{ pulled: number; reclaimed: number[] }> {
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
  await markPulled(hub.db, deps.stationId);
  db.transaction((tx) => notePulled(tx, now(), cursor), { behavior: 'immediate' });
  return { pulled, reclaimed };
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
  const { pulled, reclaimed } = await pull(deps, hub);
  // Lines claimed again go out at once, so their flag clears in this round, not the next.
  const again = reclaimed.length > 0 ? await push(deps, hub) : { pushed: 0, flagged: [], released: 0 };
  return { pushed: first.pushed + again.pushed, pulled, flagged: [...first.flagged, ...again.flagged], released: first.released + again.released, reclaimed };
}
