// The station's side of fleet-wide operators: what changed here since the station and the hub last
// agreed (pushed next), and the hub's operators taken into the station's own operators table (pulled).
// An operator is the same person at every dock by the case-folded name; local ids differ per station.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { operators } from '../../schema';
import { fleetLink, fleetOperatorSync } from './schema';
import type { HubOperator, OperatorChange } from '../repos/operators';

type LocalOperator = typeof operators.$inferSelect;
type Agreed = typeof fleetOperatorSync.$inferSelect;

const differs = (row: LocalOperator, agreed: Agreed | undefined) => !agreed || agreed.pinHash !== row.pinHash || agreed.role !== row.role || agreed.active !== row.active;

/** Operators added or changed here (PIN, role, active) since the last agreement with the hub. */
export function operatorChanges(db: Queryable): OperatorChange[] {
  const agreed = new Map(db.select().from(fleetOperatorSync).all().map((a) => [a.nameKey, a]));
  return db
    .select()
    .from(operators)
    .all()
    .filter((row) => differs(row, agreed.get(row.nameKey)))
    .map((row) => ({ nameKey: row.nameKey, name: row.name, role: row.role, pinHash: row.pinHash, active: row.active }));
}

function agree(db: Queryable, row: HubOperator): void {
  const values = { pinHash: row.pinHash, role: row.role, active: row.active, changeId: row.changeId };
  db.insert(fleetOperatorSync).values({ nameKey: row.nameKey, ...values }).onConflictDoUpdate({ target: fleetOperatorSync.nameKey, set: values }).run();
}

/** What the hub wrote for this station's own changes: agreed, so they are not pushed again. */
export function noteOperatorsPushed(db: Queryable, written: readonly HubOperator[]): void {
  for (const row of written) agree(db, row);
}

export interface PulledOperatorChange {
  readonly operatorId: number;
  readonly name: string;
  readonly change: 'added' | 'changed';
  /** What changed, for the audit row (never the PIN hash itself). */
  readonly fields: readonly ('pin' | 'role' | 'active' | 'name')[];
  readonly station: string;
}

/**
 * Takes the hub's operators into the station's table. An operator changed here and not pushed yet keeps
 * its local state: it reaches the hub next round and, being later by the hub's clock, wins there. A PIN
 * set elsewhere ends this station's count and lock-out for the operator, as a PIN set here does.
 */
export function applyHubOperators(db: Queryable, rows: readonly HubOperator[], now: number): PulledOperatorChange[] {
  const out: PulledOperatorChange[] = [];
  for (const hub of rows) {
    const local = db.select().from(operators).where(eq(operators.nameKey, hub.nameKey)).get();
    const agreed = db.select().from(fleetOperatorSync).where(eq(fleetOperatorSync.nameKey, hub.nameKey)).get();
    if (local && differs(local, agreed) && (local.pinHash !== hub.pinHash || local.role !== hub.role || local.active !== hub.active)) {
      // A change made here since the last round: it is pushed next and wins by the hub's clock.
      agree(db, hub);
      continue;
    }
    if (!local) {
      const added = db.insert(operators).values({ name: hub.name, nameKey: hub.nameKey, role: hub.role, pinHash: hub.pinHash, active: hub.active, createdAt: now, updatedAt: now }).returning({ id: operators.id }).get();
      out.push({ operatorId: added.id, name: hub.name, change: 'added', fields: [], station: hub.updatedByStation });
    } else {
      const fields = [
        ...(local.pinHash !== hub.pinHash ? (['pin'] as const) : []),
        ...(local.role !== hub.role ? (['role'] as const) : []),
        ...(local.active !== hub.active ? (['active'] as const) : []),
        ...(local.name !== hub.name ? (['name'] as const) : []),
      ];
      if (fields.length > 0) {
        const newPin = fields.includes('pin') ? { failedAttempts: 0, lockouts: 0, lockedUntil: null } : {};
        db.update(operators).set({ name: hub.name, role: hub.role, pinHash: hub.pinHash, active: hub.active, updatedAt: now, ...newPin }).where(eq(operators.id, local.id)).run();
        out.push({ operatorId: local.id, name: hub.name, change: 'changed', fields, station: hub.updatedByStation });
      }
    }
    agree(db, hub);
  }
  return out;
}

export function operatorCursor(db: Queryable): number {
  return db.select({ cursor: fleetLink.operatorCursor }).from(fleetLink).where(eq(fleetLink.id, 1)).get()?.cursor ?? 0;
}

export function noteOperatorsPulled(db: Queryable, cursor: number): void {
  db.update(fleetLink).set({ operatorCursor: cursor }).where(eq(fleetLink.id, 1)).run();
}

/** A station that leaves, or joins another hub, agrees with no hub any more: everything is pushed anew. */
export function forgetOperatorAgreement(db: Queryable): void {
  db.delete(fleetOperatorSync).run();
}
