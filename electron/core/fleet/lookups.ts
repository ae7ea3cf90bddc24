// What the rest of the core asks the fleet, in domain words (synchronous, from the station's own
// SQLite, so they work offline and inside a scan's transaction):
//   - firstScannedElsewhere(db, box): another dock's scan of this box as of the last pull, or null
//     (the scan handler can turn a new line amber before the hub has even answered);
//   - lineFlags(db, deviceIds): the lines the hub gave to another dock, with where it was first scanned;
//   - linesWaitingForHub(db): how many lines the hub has not confirmed yet;
//   - fleetApprovalProblems(db, batch): why approval must wait (lines unconfirmed or held by another dock).
import { heldElsewhere, type FirstScanElsewhere } from '../../../db/hub/local/copy';
import { currentLink } from '../../../db/hub/local/link';
import { batchFleetState, flaggedLines, flagsForLines, waitingCount, type LineFlag } from '../../../db/hub/local/outbox';
import type { Queryable } from '../../../db/types';

export type { FirstScanElsewhere, LineFlag };

export interface BoxIdentity {
  readonly pkid?: string | null;
  readonly hardwareHash?: string | null;
  readonly serial?: string | null;
  readonly manufacturer?: string | null;
  readonly model?: string | null;
}

export function inFleet(db: Queryable): boolean {
  return currentLink(db) !== null;
}

export function firstScannedElsewhere(db: Queryable, box: BoxIdentity): FirstScanElsewhere | null {
  return inFleet(db) ? heldElsewhere(db, box) : null;
}

/** One flag per line (the first identity the hub refused), keyed by device id. */
export function lineFlags(db: Queryable, deviceIds: readonly number[]): Map<number, LineFlag> {
  const flags = new Map<number, LineFlag>();
  for (const flag of flagsForLines(db, deviceIds)) if (!flags.has(flag.deviceId)) flags.set(flag.deviceId, flag);
  return flags;
}

/** Every flagged line of this station, for the lead's desk. */
export function allLineFlags(db: Queryable): LineFlag[] {
  return [...new Map(flaggedLines(db).map((f) => [f.deviceId, f])).values()];
}

export function linesWaitingForHub(db: Queryable): number {
  return inFleet(db) ? waitingCount(db) : 0;
}

/**
 * Why a batch may not be approved yet in a fleet, in plain words, or null. Approval waits until the hub
 * confirmed every line, so no box is registered by two docks; a line the hub gave to another dock must go.
 */
export function fleetApprovalProblems(db: Queryable, batchName: string, batchId: number, now: number = Date.now()): string[] {
  const link = currentLink(db);
  if (!link) return [];
  const { waiting, heldElsewhere } = batchFleetState(db, batchId);
  const problems: string[] = [];
  if (waiting > 0) {
    const lines = waiting === 1 ? '1 line' : `${waiting} lines`;
    const reached = link.lastPullAt === null ? 'has not been reached yet' : `was last reached ${describeWhen(link.lastPullAt, now)}`;
    const trouble = link.lastError ? ` (${link.lastError})` : '';
    problems.push(
      `${lines} of batch ${batchName} ${waiting === 1 ? 'is' : 'are'} not confirmed by the fleet hub yet: the hub ${reached}${trouble}. ` +
        'Approval waits until every line is confirmed, so no box is registered by two docks. Check the hub connection (dockside fleet status), then try again.',
    );
  }
  if (heldElsewhere > 0) {
    const lines = heldElsewhere === 1 ? '1 line' : `${heldElsewhere} lines`;
    problems.push(`${lines} of batch ${batchName} ${heldElsewhere === 1 ? 'is a box' : 'are boxes'} another dock scanned first: remove ${heldElsewhere === 1 ? 'it' : 'them'} in Review, where each says where it was first scanned.`);
  }
  return problems;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "first scanned at Dock 3, batch X, by Olga at 07:42" (the station's local time; the date too when not today). */
export function describeFirstScan(first: { stationName: string; batchName: string; operatorName: string; scannedAt: number }, now: number = Date.now()): string {
  return `first scanned at ${first.stationName}, batch ${first.batchName}, by ${first.operatorName} ${describeWhen(first.scannedAt, now)}`;
}

/** "at 07:42", or "at 2026-12-06 07:42" when not today (the station's local time). */
function describeWhen(epochMs: number, now: number): string {
  const at = new Date(epochMs);
  const today = new Date(now).toDateString() === at.toDateString();
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `at ${today ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`}`;
}
