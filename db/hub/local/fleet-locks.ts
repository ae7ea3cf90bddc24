// Lock-outs as the hub holds them, taken into this station's operators table: a lock decided on the
// hub (guesses at other docks) is refused here too, and shown, even if the hub goes away; a lock the
// hub no longer holds (an admin unlocked or gave a new PIN at another dock, or a right PIN there ended
// the count) ends here too. Every attempt made here while the hub was away was pushed earlier in the
// same round, so the hub's count is the fleet's. The hub says how long is left by its own clock; the
// station counts that from its own now.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { operators } from '../../schema';

/** Within this much, a lock already taken over is the same lock (rounds come every few seconds). */
const SAME_LOCK_MS = 5_000;

export interface FleetLockChange {
  readonly operatorId: number;
  readonly name: string;
  /** Null: the lock ended. */
  readonly lockedUntil: number | null;
}

export function applyFleetLocks(db: Queryable, states: readonly { nameKey: string; lockedForMs: number | null }[], now: number): FleetLockChange[] {
  const changes: FleetLockChange[] = [];
  for (const state of states) {
    const row = db.select().from(operators).where(eq(operators.nameKey, state.nameKey)).get();
    if (!row) continue;
    const lockedHere = row.lockedUntil !== null && row.lockedUntil > now;
    if (state.lockedForMs === null) {
      if (!lockedHere) continue;
      db.update(operators).set({ lockedUntil: null, failedAttempts: 0, updatedAt: now }).where(eq(operators.id, row.id)).run();
      changes.push({ operatorId: row.id, name: row.name, lockedUntil: null });
      continue;
    }
    const lockedUntil = now + state.lockedForMs;
    if (row.lockedUntil !== null && row.lockedUntil >= lockedUntil - SAME_LOCK_MS) continue;
    db.update(operators).set({ lockedUntil, failedAttempts: 0, updatedAt: now }).where(eq(operators.id, row.id)).run();
    changes.push({ operatorId: row.id, name: row.name, lockedUntil });
  }
  return changes;
}
