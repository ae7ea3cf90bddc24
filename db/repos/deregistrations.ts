// Removal requests: one row per device being deleted from Autopilot, written (with its MS-RequestId)
// before any DELETE is sent, so a crash mid-way is recognised and finished, not repeated blindly.
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { deregistrations } from '../schema';
import type { Queryable } from '../types';

export type DeregistrationRow = typeof deregistrations.$inferSelect;
export type NewDeregistration = typeof deregistrations.$inferInsert;

/** Rows still to send (pending, or left sending by a crash) whose wait is over; all of them or the given ones. */
export function dueDeregistrationRows(db: Queryable, now: number, ids?: readonly number[]): DeregistrationRow[] {
  const due = and(inArray(deregistrations.state, ['pending', 'sending']), or(isNull(deregistrations.nextAttemptAt), lte(deregistrations.nextAttemptAt, now)));
  return db.select().from(deregistrations).where(ids ? and(due, inArray(deregistrations.id, [...ids])) : due).orderBy(asc(deregistrations.id)).all();
}

/** The device's request still on its way, so asking twice joins it instead of adding another. */
export function openDeregistrationOf(db: Queryable, deviceId: number): { id: number } | undefined {
  return db.select({ id: deregistrations.id }).from(deregistrations).where(and(eq(deregistrations.deviceId, deviceId), inArray(deregistrations.state, ['pending', 'sending']))).get();
}

export function insertDeregistration(db: Queryable, values: NewDeregistration): number {
  return db.insert(deregistrations).values(values).returning({ id: deregistrations.id }).get().id;
}

export function updateDeregistration(db: Queryable, id: number, values: Partial<Omit<DeregistrationRow, 'id'>>): void {
  db.update(deregistrations).set(values).where(eq(deregistrations.id, id)).run();
}

export function deregistrationError(db: Queryable, id: number): string | null {
  return db.select({ e: deregistrations.lastError }).from(deregistrations).where(eq(deregistrations.id, id)).get()?.e ?? null;
}
