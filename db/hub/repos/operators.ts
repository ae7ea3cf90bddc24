// Fleet-wide operators: one row per case-folded name with the PIN hash as the station stored it (never
// the PIN). A station pushes what changed on it (added, PIN changed, role or active changed); the last
// writer by the hub's clock wins. Change ids are taken under a lock, so they become visible in order
// and a pull cursor on them never skips a change committed late.
import { asc, gt, inArray, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { hubOperators, operatorLockouts } from '../schema';

export type OperatorRole = (typeof hubOperators.$inferSelect)['role'];

export interface OperatorChange {
  readonly nameKey: string;
  readonly name: string;
  readonly role: OperatorRole;
  readonly pinHash: string;
  readonly active: boolean;
}

export interface HubOperator extends OperatorChange {
  readonly changeId: number;
  readonly updatedAt: Date;
  readonly updatedByStation: string;
}

const OPERATORS_LOCK = 0x6f706572; // 'oper'

/** Writes a station's operator changes; a changed PIN hash also ends the name's lock-out across the fleet. */
export async function pushOperatorChanges(db: HubDb, stationId: string, changes: readonly OperatorChange[]): Promise<HubOperator[]> {
  if (changes.length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${OPERATORS_LOCK})`);
    const keys = changes.map((c) => c.nameKey);
    const before = new Map((await tx.select({ nameKey: hubOperators.nameKey, pinHash: hubOperators.pinHash }).from(hubOperators).where(inArray(hubOperators.nameKey, keys))).map((r) => [r.nameKey, r.pinHash]));
    const written = await tx
      .insert(hubOperators)
      .values(changes.map((c) => ({ ...c, changeId: sql`nextval('operators_change_seq')`, updatedByStation: stationId })))
      .onConflictDoUpdate({
        target: hubOperators.nameKey,
        set: { name: sql`excluded.name`, role: sql`excluded.role`, pinHash: sql`excluded.pin_hash`, active: sql`excluded.active`, changeId: sql`excluded.change_id`, updatedAt: sql`now()`, updatedByStation: sql`excluded.updated_by_station` },
      })
      .returning();
    const newPin = changes.filter((c) => before.has(c.nameKey) && before.get(c.nameKey) !== c.pinHash).map((c) => c.nameKey);
    if (newPin.length > 0) {
      await tx.update(operatorLockouts).set({ attempts: 0, lockouts: 0, lockedUntil: null, updatedAt: sql`now()`, updatedByStation: stationId }).where(inArray(operatorLockouts.nameKey, newPin));
    }
    return written;
  });
}

/** Every operator change after the cursor, oldest first (a station's own included: applying them is a no-op). */
export async function operatorsChangedAfter(db: HubDb, after: number, limit: number): Promise<HubOperator[]> {
  return db.select().from(hubOperators).where(gt(hubOperators.changeId, after)).orderBy(asc(hubOperators.changeId)).limit(limit);
}
