// Lock-outs decided on the hub (guesses at other docks), taken into this station's operators table so
// the operator is refused here too, and shown locked, even if the hub goes away. The hub says how long
// is left by its own clock; the station counts that from its own now.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { operators } from '../../schema';

/** Within this much, a lock already taken over is the same lock (rounds come every few seconds). */
const SAME_LOCK_MS = 5_000;

export interface TakenLock {
  readonly operatorId: number;
  readonly name: string;
  readonly lockedUntil: number;
}

export function applyFleetLocks(db: Queryable, locks: readonly { nameKey: string; lockedForMs: number }[], now: number): TakenLock[] {
  const taken: TakenLock[] = [];
  for (const lock of locks) {
    const row = db.select().from(operators).where(eq(operators.nameKey, lock.nameKey)).get();
    if (!row) continue;
    const lockedUntil = now + lock.lockedForMs;
    if (row.lockedUntil !== null && row.lockedUntil >= lockedUntil - SAME_LOCK_MS) continue;
    db.update(operators).set({ lockedUntil, failedAttempts: 0, updatedAt: now }).where(eq(operators.id, row.id)).run();
    taken.push({ operatorId: row.id, name: row.name, lockedUntil });
  }
  return taken;
}
