// Wrong PINs this station counted on its own while the hub could not be reached: pushed when it is back,
// so they count toward the operator's limit across the fleet too.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { fleetPinFailures } from './schema';

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
