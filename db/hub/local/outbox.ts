// The station's outbox of identities for the hub: every identity of every live device line becomes one
// row, numbered by the station's own sequence (seq), which the hub uses to make a resend harmless.
// Rows are taken from the device lines themselves, so any path that wrote a device (scan, import,
// fix) is covered without that path knowing about the fleet.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { batches, devices, operators } from '../../schema';
import { fleetIdentities, fleetLink, fleetOutbox } from './schema';
import type { IdentityKind, IdentityValues } from '../identity';

export type { IdentityKind } from '../identity';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What a device line claims, per kind it carries. */
function kindsOf(d: { pkid: string | null; serial: string | null; manufacturer: string | null; model: string | null; hardwareHash: string | null }): IdentityKind[] {
  const kinds: IdentityKind[] = [];
  if (d.pkid) kinds.push('pkid');
  if (d.hardwareHash) kinds.push('hash');
  if (d.serial && d.manufacturer && d.model) kinds.push('tuple');
  return kinds;
}

/**
 * Adds the outbox rows of device lines written since the last call (and of `deviceIds`, for lines that
 * gained an identity later: a hash attached, a tuple fixed). Idempotent: one row per line and kind.
 */
export function enqueueNewIdentities(db: Queryable, now: number, deviceIds: readonly number[] = []): number {
  const link = db.select({ after: fleetLink.enqueuedDeviceId }).from(fleetLink).where(eq(fleetLink.id, 1)).get();
  if (!link) return 0;
  // A line put back after its box was given back holds nothing on the hub: it claims anew, under a
  // fresh sequence number (the hub remembers the old one's answer).
  const restored = db
    .select({ seq: fleetOutbox.seq, deviceId: fleetOutbox.deviceId })
    .from(fleetOutbox)
    .innerJoin(devices, eq(devices.id, fleetOutbox.deviceId))
    .where(and(isNotNull(fleetOutbox.releasedAt), isNull(devices.removedAt)))
    .all();
  if (restored.length > 0) {
    db.delete(fleetOutbox).where(inArray(fleetOutbox.seq, restored.map((r) => r.seq))).run();
    deviceIds = [...deviceIds, ...restored.map((r) => r.deviceId)];
  }
  const columns = { id: devices.id, pkid: devices.pkid, serial: devices.serial, manufacturer: devices.manufacturer, model: devices.model, hardwareHash: devices.hardwareHash };
  const fresh = db.select(columns).from(devices).where(and(gt(devices.id, link.after), isNull(devices.removedAt))).orderBy(asc(devices.id)).all();
  const named = deviceIds.length > 0 ? db.select(columns).from(devices).where(and(inArray(devices.id, [...deviceIds]), isNull(devices.removedAt))).all() : [];
  const rows = [...fresh, ...named].flatMap((d) => kindsOf(d).map((kind) => ({ deviceId: d.id, kind, createdAt: now })));
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    added += db.insert(fleetOutbox).values(rows.slice(i, i + 500)).onConflictDoNothing().run().changes;
  }
  const last = fresh.at(-1)?.id;
  if (last !== undefined) db.update(fleetLink).set({ enqueuedDeviceId: last }).where(eq(fleetLink.id, 1)).run();
  return added;
}

/** A claim as it goes to the hub: the identity's values, with where and by whom it was scanned. */
export interface OutboxClaim extends IdentityValues {
  readonly seq: number;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: number;
}

/** The oldest outbox rows still waiting for the hub's answer. */
export function waitingClaims(db: Queryable, limit: number): OutboxClaim[] {
  const rows = db
    .select({ seq: fleetOutbox.seq, kind: fleetOutbox.kind, pkid: devices.pkid, serial: devices.serial, manufacturer: devices.manufacturer, model: devices.model, hardwareHash: devices.hardwareHash, batchName: batches.name, operatorName: operators.name, scannedAt: devices.scannedAt })
    .from(fleetOutbox)
    .innerJoin(devices, eq(devices.id, fleetOutbox.deviceId))
    .innerJoin(batches, eq(batches.id, devices.batchId))
    .innerJoin(operators, eq(operators.id, devices.scannedBy))
    // A row whose line changed is replaced before it is sent (see replaceChanged): sending it would
    // claim the new value under a sequence number the next round gives back.
    .where(and(isNull(fleetOutbox.verdict), eq(fleetOutbox.changed, 0)))
    .orderBy(asc(fleetOutbox.seq))
    .limit(limit)
    .all();
  // Only the values of the claim's own kind travel: a PKID claim does not tell the hub the serial.
  return rows.map(({ hardwareHash, ...r }) => ({
    ...r,
    pkid: r.kind === 'pkid' ? r.pkid : null,
    serial: r.kind === 'tuple' ? r.serial : null,
    manufacturer: r.kind === 'tuple' ? r.manufacturer : null,
    model: r.kind === 'tuple' ? r.model : null,
    hardwareHashSha256: r.kind === 'hash' && hardwareHash ? sha256Hex(hardwareHash) : null,
  }));
}

export interface HubAnswer {
  readonly seq: number;
  readonly verdict: 'kept' | 'duplicate';
  readonly first: { stationName: string; batchName: string; operatorName: string; scannedAt: number };
}

/** Records the hub's verdicts; returns the device lines that turned out to be another dock's box. */
export function recordVerdicts(db: Queryable, now: number, answers: readonly HubAnswer[]): number[] {
  const flagged: number[] = [];
  for (const a of answers) {
    const duplicate = a.verdict === 'duplicate';
    const row = db
      .update(fleetOutbox)
      .set({
        verdict: a.verdict,
        confirmedAt: now,
        firstStation: duplicate ? a.first.stationName : null,
        firstBatch: duplicate ? a.first.batchName : null,
        firstOperator: duplicate ? a.first.operatorName : null,
        firstScannedAt: duplicate ? a.first.scannedAt : null,
      })
      .where(and(eq(fleetOutbox.seq, a.seq), isNull(fleetOutbox.verdict)))
      .returning({ deviceId: fleetOutbox.deviceId })
      .get();
    if (row && duplicate) flagged.push(row.deviceId);
  }
  return flagged;
}

export function waitingCount(db: Queryable): number {
  // Lines, not identities: a box claimed by PKID and tuple waits once.
  return db.select({ n: sql<number>`count(distinct ${fleetOutbox.deviceId})` }).from(fleetOutbox).where(isNull(fleetOutbox.verdict)).get()?.n ?? 0;
}

export function duplicateCount(db: Queryable): number {
  return db.select({ n: count() }).from(fleetOutbox).where(eq(fleetOutbox.verdict, 'duplicate')).get()?.n ?? 0;
}

/** Where the boxes of these lines were first scanned, for the lines another dock holds. */
export interface LineFlag {
  readonly deviceId: number;
  readonly kind: IdentityKind;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: number;
}

export function flagsForLines(db: Queryable, deviceIds: readonly number[]): LineFlag[] {
  if (deviceIds.length === 0) return [];
  const rows = db
    .select({ deviceId: fleetOutbox.deviceId, kind: fleetOutbox.kind, stationName: fleetOutbox.firstStation, batchName: fleetOutbox.firstBatch, operatorName: fleetOutbox.firstOperator, scannedAt: fleetOutbox.firstScannedAt })
    .from(fleetOutbox)
    .where(and(inArray(fleetOutbox.deviceId, [...deviceIds]), eq(fleetOutbox.verdict, 'duplicate')))
    .orderBy(asc(fleetOutbox.seq))
    .all();
  return rows.map((r) => ({ ...r, stationName: r.stationName ?? '', batchName: r.batchName ?? '', operatorName: r.operatorName ?? '', scannedAt: r.scannedAt ?? 0 }));
}

/** Every line of the station flagged by the hub (the lead's desk). */
export function flaggedLines(db: Queryable, limit = 1000): LineFlag[] {
  const ids = db.selectDistinct({ id: fleetOutbox.deviceId }).from(fleetOutbox).where(eq(fleetOutbox.verdict, 'duplicate')).limit(limit).all();
  return flagsForLines(db, ids.map((r) => r.id));
}

/**
 * A batch's lines as the fleet sees them: waiting (an identity the hub has not answered, or a line newer
 * than the last enqueue, so not even sent) and held elsewhere (the hub gave the box to another dock).
 */
export function batchFleetState(db: Queryable, batchId: number): { waiting: number; heldElsewhere: number } {
  const link = db.select({ after: fleetLink.enqueuedDeviceId }).from(fleetLink).where(eq(fleetLink.id, 1)).get();
  if (!link) return { waiting: 0, heldElsewhere: 0 };
  const hasIdentity = sql`(${devices.pkid} is not null or ${devices.hardwareHash} is not null or (${devices.serial} is not null and ${devices.manufacturer} is not null and ${devices.model} is not null))`;
  // A line whose value changed since its claim waits until the new value is claimed.
  const unanswered = sql`exists (select 1 from ${fleetOutbox} where ${fleetOutbox.deviceId} = ${devices.id} and (${fleetOutbox.verdict} is null or ${fleetOutbox.changed} <> 0))`;
  const duplicate = sql`exists (select 1 from ${fleetOutbox} where ${fleetOutbox.deviceId} = ${devices.id} and ${fleetOutbox.verdict} = 'duplicate')`;
  const row = db
    .select({
      waiting: sql<number>`coalesce(sum(case when ${unanswered} or (${devices.id} > ${link.after} and ${hasIdentity}) then 1 else 0 end), 0)`,
      heldElsewhere: sql<number>`coalesce(sum(case when ${duplicate} then 1 else 0 end), 0)`,
    })
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt)))
    .get();
  return { waiting: row?.waiting ?? 0, heldElsewhere: row?.heldElsewhere ?? 0 };
}

/**
 * Kept claims whose line was removed (undo, review, deregister): the hub may give the box back. Not
 * while another live line of this station still has the same value (removed and scanned again): that
 * line relies on the same hub identity.
 */
export function waitingReleases(db: Queryable, limit: number): number[] {
  // o: another line of this station; "devices" inside refers to the outer line.
  const sameValueLive = sql`exists (select 1 from ${devices} as o where o.removed_at is null and o.id <> ${devices.id} and (
    (${fleetOutbox.kind} = 'pkid' and o.pkid = ${devices.pkid}) or
    (${fleetOutbox.kind} = 'hash' and o.hardware_hash = ${devices.hardwareHash}) or
    (${fleetOutbox.kind} = 'tuple' and o.serial = ${devices.serial} and o.manufacturer = ${devices.manufacturer} and o.model = ${devices.model})))`;
  return db
    .select({ seq: fleetOutbox.seq })
    .from(fleetOutbox)
    .innerJoin(devices, eq(devices.id, fleetOutbox.deviceId))
    .where(and(eq(fleetOutbox.verdict, 'kept'), isNull(fleetOutbox.releasedAt), isNotNull(devices.removedAt), sql`not ${sameValueLive}`))
    .orderBy(asc(fleetOutbox.seq))
    .limit(limit)
    .all()
    .map((r) => r.seq);
}

export function noteReleased(db: Queryable, now: number, seqs: readonly number[]): void {
  for (let i = 0; i < seqs.length; i += 500) {
    db.update(fleetOutbox).set({ releasedAt: now }).where(inArray(fleetOutbox.seq, seqs.slice(i, i + 500))).run();
  }
}

/** A box another dock gave back, as pulled from the hub. */
export interface PulledRelease extends IdentityValues {
  readonly identityId: number;
}

const sameRelease = (r: IdentityValues, line: { kind: IdentityKind; pkid: string | null; serial: string | null; manufacturer: string | null; model: string | null; hardwareHash: string | null }): boolean =>
  r.kind === line.kind &&
  (r.kind === 'pkid'
    ? r.pkid === line.pkid
    : r.kind === 'hash'
      ? line.hardwareHash !== null && r.hardwareHashSha256 === sha256Hex(line.hardwareHash)
      : r.serial === line.serial && r.manufacturer === line.manufacturer && r.model === line.model);

/**
 * Boxes other docks gave back: forgotten from the copy, and this station's lines that had lost them
 * claim them again (a fresh outbox row, so a fresh sequence number the hub has not answered). Returns
 * those lines.
 */
export function applyReleases(db: Queryable, now: number, released: readonly PulledRelease[]): number[] {
  if (released.length === 0) return [];
  const ids = released.map((r) => r.identityId);
  for (let i = 0; i < ids.length; i += 500) db.delete(fleetIdentities).where(inArray(fleetIdentities.hubId, ids.slice(i, i + 500))).run();
  const lost = db
    .select({ seq: fleetOutbox.seq, deviceId: fleetOutbox.deviceId, kind: fleetOutbox.kind, pkid: devices.pkid, serial: devices.serial, manufacturer: devices.manufacturer, model: devices.model, hardwareHash: devices.hardwareHash })
    .from(fleetOutbox)
    .innerJoin(devices, eq(devices.id, fleetOutbox.deviceId))
    .where(and(eq(fleetOutbox.verdict, 'duplicate'), isNull(devices.removedAt)))
    .all()
    .filter((line) => released.some((r) => sameRelease(r, line)));
  if (lost.length === 0) return [];
  db.delete(fleetOutbox).where(inArray(fleetOutbox.seq, lost.map((l) => l.seq))).run();
  const lines = [...new Set(lost.map((l) => l.deviceId))];
  enqueueNewIdentities(db, now, lines);
  return lines;
}

/** Claims whose line's value changed after they were made (marked by the trigger of migration 0015). */
export function changedClaims(db: Queryable, limit: number): { seq: number; deviceId: number; giveBack: boolean }[] {
  return db
    .select({ seq: fleetOutbox.seq, deviceId: fleetOutbox.deviceId, changed: fleetOutbox.changed })
    .from(fleetOutbox)
    .where(sql`${fleetOutbox.changed} <> 0`)
    .orderBy(asc(fleetOutbox.seq))
    .limit(limit)
    .all()
    .map((r) => ({ seq: r.seq, deviceId: r.deviceId, giveBack: r.changed === 1 }));
}

/**
 * After the hub took the old values back: the changed claims are dropped and their lines enqueued
 * again, so each new value is claimed under a fresh sequence number (the hub remembers the old one's
 * answer). A line's flag for the old value goes with its row.
 */
export function replaceChanged(db: Queryable, now: number, seqs: readonly number[], deviceIds: readonly number[]): void {
  for (let i = 0; i < seqs.length; i += 500) db.delete(fleetOutbox).where(inArray(fleetOutbox.seq, seqs.slice(i, i + 500))).run();
  enqueueNewIdentities(db, now, [...new Set(deviceIds)]);
}

export function noteReleasesPulled(db: Queryable, cursor: number): void {
  db.update(fleetLink).set({ releaseCursor: cursor }).where(eq(fleetLink.id, 1)).run();
}
