// The lead's desk across docks, as the station's own SQLite holds it: the other docks' batches as of
// the last pull, the requests this station sent them with their answers, the requests other docks
// sent here with this station's answers, and "where is this box?" in the copy of their identities.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { fleetIdentities } from './schema';
import { fleetBatches, fleetRequestsIn, fleetRequestsOut } from './desk-schema';

export type FleetBatchRow = typeof fleetBatches.$inferSelect;
export type RequestAction = 'approve' | 'reopen';
export type RequestOutcome = 'done' | 'refused';

/**
 * The whole copy at once: a batch another dock no longer has disappears with the next pull. True when
 * anything the desk shows changed (every push renews updated_at on the hub, so that alone is no change).
 */
export function replaceFleetBatches(db: Queryable, rows: readonly FleetBatchRow[]): boolean {
  const key = (r: FleetBatchRow) => [r.stationId, r.stationName, r.batchName, r.state, r.devices, r.createdBy, r.createdAt].join('\u0000');
  const before = new Set(db.select().from(fleetBatches).all().map(key));
  if (before.size === rows.length && rows.every((r) => before.has(key(r)))) return false;
  db.delete(fleetBatches).run();
  for (let i = 0; i < rows.length; i += 500) db.insert(fleetBatches).values(rows.slice(i, i + 500)).run();
  return true;
}

export function forgetDesk(db: Queryable): void {
  db.delete(fleetBatches).run();
  db.delete(fleetRequestsOut).run();
}

export interface SentRequest {
  readonly seq: number;
  readonly action: RequestAction;
  readonly requestedBy: string;
  readonly requestedAt: number;
  readonly sent: boolean;
  readonly outcome: RequestOutcome | null;
  readonly reason: string | null;
  readonly answeredAt: number | null;
}

export interface DeskBatch extends FleetBatchRow {
  /** The newest request this station sent about the batch, if any. */
  readonly request: SentRequest | null;
}

export function deskBatches(db: Queryable): DeskBatch[] {
  const batches = db.select().from(fleetBatches).orderBy(asc(fleetBatches.stationName), asc(fleetBatches.batchName)).all();
  const requests = db.select().from(fleetRequestsOut).orderBy(desc(fleetRequestsOut.seq)).all();
  const newest = new Map<string, SentRequest>();
  for (const r of requests) {
    const key = `${r.toStationId}\u0000${r.batchName}`;
    if (!newest.has(key)) newest.set(key, { seq: r.seq, action: r.action, requestedBy: r.requestedBy, requestedAt: r.requestedAt, sent: r.hubId !== null, outcome: r.outcome, reason: r.reason, answeredAt: r.answeredAt });
  }
  return batches.map((b) => ({ ...b, request: newest.get(`${b.stationId}\u0000${b.batchName}`) ?? null }));
}

export function findFleetBatch(db: Queryable, stationName: string, batchName: string): FleetBatchRow | null {
  return db.select().from(fleetBatches).where(and(eq(fleetBatches.stationName, stationName), eq(fleetBatches.batchName, batchName))).get() ?? null;
}

export function addRequest(db: Queryable, request: { toStationId: string; toStationName: string; batchName: string; action: RequestAction; customerTenantId: string | null; requestedBy: string; requestedAt: number }): SentRequest {
  const row = db.insert(fleetRequestsOut).values(request).returning().get();
  return { seq: row.seq, action: row.action, requestedBy: row.requestedBy, requestedAt: row.requestedAt, sent: false, outcome: null, reason: null, answeredAt: null };
}

/** A request still waiting for the owner's answer, for this batch. */
export function openRequest(db: Queryable, toStationId: string, batchName: string): SentRequest | null {
  const row = db
    .select()
    .from(fleetRequestsOut)
    .where(and(eq(fleetRequestsOut.toStationId, toStationId), eq(fleetRequestsOut.batchName, batchName), isNull(fleetRequestsOut.outcome)))
    .orderBy(desc(fleetRequestsOut.seq))
    .get();
  return row ? { seq: row.seq, action: row.action, requestedBy: row.requestedBy, requestedAt: row.requestedAt, sent: row.hubId !== null, outcome: null, reason: null, answeredAt: null } : null;
}

export function unsentRequests(db: Queryable): (typeof fleetRequestsOut.$inferSelect)[] {
  return db.select().from(fleetRequestsOut).where(isNull(fleetRequestsOut.hubId)).orderBy(asc(fleetRequestsOut.seq)).all();
}

export function noteRequestsSent(db: Queryable, at: number, filed: readonly { seq: number; hubId: number }[]): void {
  for (const f of filed) db.update(fleetRequestsOut).set({ hubId: f.hubId, sentAt: at }).where(eq(fleetRequestsOut.seq, f.seq)).run();
}

export function awaitedAnswers(db: Queryable): number[] {
  return db
    .select({ hubId: fleetRequestsOut.hubId })
    .from(fleetRequestsOut)
    .where(and(isNotNull(fleetRequestsOut.hubId), isNull(fleetRequestsOut.outcome)))
    .all()
    .flatMap((r) => (r.hubId === null ? [] : [r.hubId]));
}

export function noteAnswers(db: Queryable, answers: readonly { hubId: number; outcome: RequestOutcome; reason: string | null; answeredAt: number }[]): void {
  for (const a of answers) db.update(fleetRequestsOut).set({ outcome: a.outcome, reason: a.reason, answeredAt: a.answeredAt }).where(eq(fleetRequestsOut.hubId, a.hubId)).run();
}

export type HandledRequest = typeof fleetRequestsIn.$inferSelect;

export function handledRequest(db: Queryable, hubId: number): HandledRequest | null {
  return db.select().from(fleetRequestsIn).where(eq(fleetRequestsIn.hubId, hubId)).get() ?? null;
}

export function recordHandled(db: Queryable, row: Omit<HandledRequest, 'reportedAt'>): void {
  db.insert(fleetRequestsIn).values(row).run();
}

export function unreportedAnswers(db: Queryable): HandledRequest[] {
  return db.select().from(fleetRequestsIn).where(isNull(fleetRequestsIn.reportedAt)).orderBy(asc(fleetRequestsIn.hubId)).all();
}

export function noteReported(db: Queryable, hubId: number, at: number): void {
  db.update(fleetRequestsIn).set({ reportedAt: at }).where(eq(fleetRequestsIn.hubId, hubId)).run();
}

export interface BoxElsewhere {
  readonly pkid: string | null;
  readonly serial: string | null;
  readonly manufacturer: string | null;
  readonly model: string | null;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: number;
}

/** Other docks' boxes by PKID (exact) or serial (prefix, case as given), as of the last pull. */
export function findInCopy(db: Queryable, pkids: readonly string[], serials: readonly string[], limit: number): BoxElsewhere[] {
  const conditions = [
    ...(pkids.length > 0 ? [and(eq(fleetIdentities.kind, 'pkid'), inArray(fleetIdentities.pkid, [...pkids]))] : []),
    // A range instead of LIKE, so the serial index answers (LIKE ignores case and would scan).
    ...serials.filter((s) => s.length > 0).map((s) => and(eq(fleetIdentities.kind, 'tuple'), gte(fleetIdentities.serial, s), lt(fleetIdentities.serial, `${s}\uffff`))),
  ];
  if (conditions.length === 0) return [];
  return db
    .select({ pkid: fleetIdentities.pkid, serial: fleetIdentities.serial, manufacturer: fleetIdentities.manufacturer, model: fleetIdentities.model, stationName: fleetIdentities.stationName, batchName: fleetIdentities.batchName, operatorName: fleetIdentities.operatorName, scannedAt: fleetIdentities.scannedAt })
    .from(fleetIdentities)
    .where(or(...conditions))
    .orderBy(asc(fleetIdentities.stationName), asc(fleetIdentities.scannedAt))
    .limit(limit)
    .all();
}
