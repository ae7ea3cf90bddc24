// Synchronous queries on operators; callers pass the db or a transaction.
import { asc, count, eq, and } from 'drizzle-orm';
import { operators } from '../schema';
import type { Queryable } from '../types';
import type { OperatorView } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';

export type OperatorRow = typeof operators.$inferSelect;

export function toView(row: OperatorRow): OperatorView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active,
    lockedUntil: row.lockedUntil,
    failedAttempts: row.failedAttempts,
  };
}

export function countOperators(db: Queryable): number {
  return db.select({ n: count() }).from(operators).get()?.n ?? 0;
}

export function countActiveAdmins(db: Queryable): number {
  return db.select({ n: count() }).from(operators).where(and(eq(operators.role, 'admin'), eq(operators.active, true))).get()?.n ?? 0;
}

export function findByNameKey(db: Queryable, key: string): OperatorRow | undefined {
  return db.select().from(operators).where(eq(operators.nameKey, key)).get();
}

export function findById(db: Queryable, id: number): OperatorRow | undefined {
  return db.select().from(operators).where(eq(operators.id, id)).get();
}

export function listOperators(db: Queryable, onlyActive = false): OperatorRow[] {
  const query = db.select().from(operators);
  return (onlyActive ? query.where(eq(operators.active, true)) : query).orderBy(asc(operators.name)).all();
}

export function insertOperator(
  db: Queryable,
  values: { name: string; nameKey: string; role: Role; pinHash: string; at: number },
): OperatorRow {
  return db
    .insert(operators)
    .values({ name: values.name, nameKey: values.nameKey, role: values.role, pinHash: values.pinHash, createdAt: values.at, updatedAt: values.at })
    .returning()
    .get();
}

export function updateOperator(db: Queryable, id: number, values: Partial<Omit<OperatorRow, 'id'>>): OperatorRow {
  const row = db.update(operators).set(values).where(eq(operators.id, id)).returning().get();
  if (!row) throw new Error(`operator ${id} vanished during an update`);
  return row;
}
