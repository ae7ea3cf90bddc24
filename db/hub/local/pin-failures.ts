// Wrong PINs this station counted on its own while the hub could not be reached: pushed when it is back,
// so they count toward the operator's limit across the fleet too.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { fleetPinFailures, fleetPinUnlocks } from './schema';

export function recordOfflineFailure(db: Queryable, nameKey: string, at: number): void {
  db.insert(fleetPinFailures).values({ nameKey, failedAt: at }).run();
}

export function waitingFailures(db: Queryable, limit: number): { seq: number; nameKey: string; failedAt: number }[] {
  return db.select({ seq: fleetPinFailures.seq, nameKey: fleetPinFailures.nameKey, failedAt: fleetPinFailures.failedAt }).from(fleetPinFailures).where(isNull(fleetPinFailures.pushedAt)).orderBy(asc(fleetPinFailures.seq)).limit(limit).all();
}

export function noteFailuresPushed(db: Queryable, seqs: readonly number[], at: number): void {
  if (seqs.length > 0) db.update(fleetPinFailures).set({ pushedAt: at }).where(inArray(fleetPinFailures.seq, [...seqs])).run();
}

/** A right PIN here ends the count, as it does on the hub: failures still waiting are not sent. */
export function dropWaitingFailures(db: Queryable, nameKey: string): void {
  db.delete(fleetPinFailures).where(and(eq(fleetPinFailures.nameKey, nameKey), isNull(fleetPinFailures.pushedAt))).run();
}

/** An unlock the hub could not be told of yet (one per name: a later one stands for the earlier). */
export function queueUnlock(db: Queryable, nameKey: string, at: number): void {
  db.insert(fleetPinUnlocks).values({ nameKey, unlockedAt: at }).onConflictDoUpdate({ target: fleetPinUnlocks.nameKey, set: { unlockedAt: at } }).run();
}

export function waitingUnlocks(db: Queryable): string[] {
  return db.select({ nameKey: fleetPinUnlocks.nameKey }).from(fleetPinUnlocks).all().map((r) => r.nameKey);
}

export function noteUnlockSent(db: Queryable, nameKey: string): void {
  db.delete(fleetPinUnlocks).where(eq(fleetPinUnlocks.nameKey, nameKey)).run();
}
