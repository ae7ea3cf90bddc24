// What the station's own records say around a Partner Center refusal: did another customer's upload
// go through lately (so the token and roles work, and the trouble is this customer's)?
import { and, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { batches, uploads } from '../schema';
import type { Queryable } from '../types';

export function otherCustomerAcceptedSince(db: Queryable, customerTenantId: string, since: number): boolean {
  const row = db
    .select({ id: uploads.id })
    .from(uploads)
    .innerJoin(batches, eq(batches.id, uploads.batchId))
    .where(and(isNotNull(uploads.acceptedAt), gt(uploads.acceptedAt, since), ne(batches.customerTenantId, customerTenantId)))
    .limit(1)
    .get();
  return row !== undefined;
}
