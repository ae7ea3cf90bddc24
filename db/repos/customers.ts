// The cached customer list from Partner Center: replaced as a whole on refresh, read offline.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { audit, batches, customers } from '../schema';
import type { Queryable } from '../types';

export type CustomerRow = typeof customers.$inferSelect;

export interface FetchedCustomer {
  tenantId: string;
  companyName: string;
  domain: string | null;
  relationship: string;
}

export interface ReplaceCounts {
  count: number;
  added: number;
  removed: number;
  /** No longer listed, but a batch refers to it (a foreign key), so the row stays with its old refresh time. */
  kept: number;
}

/** Replaces the cache with `fetched`; call inside one transaction. */
export function replaceCustomers(db: Queryable, fetched: readonly FetchedCustomer[], at: number): ReplaceCounts {
  const byId = new Map(fetched.map((c) => [c.tenantId.toLowerCase(), c]));
  const ids = [...byId.keys()];
  const before = new Set(db.select({ id: customers.tenantId }).from(customers).all().map((r) => r.id));
  const referenced = new Set(
    db.selectDistinct({ id: batches.customerTenantId }).from(batches).where(isNotNull(batches.customerTenantId)).all().map((r) => r.id ?? ''),
  );
  const gone = [...before].filter((id) => !byId.has(id));
  const removable = gone.filter((id) => !referenced.has(id));
  if (removable.length > 0) db.delete(customers).where(inArray(customers.tenantId, removable)).run();
  for (const [tenantId, c] of byId) {
    const values = { companyName: c.companyName, domain: c.domain, relationship: c.relationship, refreshedAt: at };
    db.insert(customers).values({ tenantId, ...values }).onConflictDoUpdate({ target: customers.tenantId, set: values }).run();
  }
  return {
    count: byId.size,
    added: ids.filter((id) => !before.has(id)).length,
    removed: removable.length,
    kept: gone.length - removable.length,
  };
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorted by company name as people read it (accents next to their letters, numbers in order). */
export function listCustomers(db: Queryable): CustomerRow[] {
  const rows = db.select().from(customers).orderBy(asc(customers.tenantId)).all();
  return rows.sort((a, b) => byName.compare(a.companyName, b.companyName));
}

/** Case-insensitive (Unicode-aware) substring match on company name or domain. */
export function searchCustomers(db: Queryable, search?: string): CustomerRow[] {
  const all = listCustomers(db);
  const needle = search?.trim().toLocaleLowerCase();
  if (!needle) return all;
  return all.filter((c) => c.companyName.toLocaleLowerCase().includes(needle) || (c.domain ?? '').toLocaleLowerCase().includes(needle));
}

export function findCustomer(db: Queryable, tenantId: string): CustomerRow | undefined {
  return db.select().from(customers).where(eq(customers.tenantId, tenantId.toLowerCase())).get();
}

/** When the last successful refresh happened (from the audit trail, so an empty list still has a time). */
export function lastCustomerRefreshAt(db: Queryable): number | null {
  const row = db
    .select({ at: sql<number>`coalesce(json_extract(${audit.detail}, '$.refreshedAt'), ${audit.at})` })
    .from(audit)
    .where(and(eq(audit.action, 'customers:refresh'), eq(audit.result, 'ok')))
    .orderBy(desc(audit.id))
    .limit(1)
    .get();
  return row?.at ?? null;
}
