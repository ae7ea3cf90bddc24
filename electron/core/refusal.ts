// Gathers what the station knows around a Partner Center refusal (the token's own claims, the cached
// customer list, whether other customers' uploads went through lately) and asks the domain rule what
// it most likely means.
import { and, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { batches, customers, uploads } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { PartnerCenterClient, PartnerCenterError } from '../partner-center/client';
import { explainRefusal, type RefusalExplanation, type RefusedOperation } from '../../shared/domain/refusals';

const RECENT_MS = 24 * 60 * 60_000;

function otherCustomersWork(db: Queryable, customerId: string, now: number): boolean | null {
  const row = db
    .select({ id: uploads.id })
    .from(uploads)
    .innerJoin(batches, eq(batches.id, uploads.batchId))
    .where(and(isNotNull(uploads.acceptedAt), gt(uploads.acceptedAt, now - RECENT_MS), ne(batches.customerTenantId, customerId)))
    .limit(1)
    .get();
  return row ? true : null;
}

export async function explainPartnerRefusal(
  db: Queryable, client: PartnerCenterClient, error: PartnerCenterError, operation: RefusedOperation, customerId: string | null, now: number,
): Promise<RefusalExplanation> {
  const token = await client.tokenFacts();
  const listed = customerId === null ? null : db.select({ id: customers.tenantId }).from(customers).where(eq(customers.tenantId, customerId)).get() !== undefined;
  return explainRefusal({
    status: error.status,
    code: error.code,
    description: error.description,
    operation,
    appOnly: token.appOnly,
    mfa: token.mfa,
    customerListed: listed,
    otherCustomersWork: customerId === null ? null : otherCustomersWork(db, customerId, now),
  });
}
