// Gathers what the station knows around a Partner Center refusal (the token's own claims, the cached
// customer list, whether other customers' uploads went through lately) and asks the domain rule what
// it most likely means.
import { findCustomer } from '../../db/repos/customers';
import { otherCustomerAcceptedSince } from '../../db/repos/refusal-facts';
import type { Queryable } from '../../db/types';
import type { PartnerCenterClient, PartnerCenterError } from '../partner-center/client';
import { explainRefusal, type RefusalExplanation, type RefusedOperation } from '../../shared/domain/refusals';

const RECENT_MS = 24 * 60 * 60_000;

/** True when another customer's upload went through lately; null (unknown) otherwise, never false. */
function otherCustomersWork(db: Queryable, customerId: string, now: number): boolean | null {
  return otherCustomerAcceptedSince(db, customerId, now - RECENT_MS) ? true : null;
}

export async function explainPartnerRefusal(
  db: Queryable, client: PartnerCenterClient, error: PartnerCenterError, operation: RefusedOperation, customerId: string | null, now: number,
): Promise<RefusalExplanation> {
  const token = await client.tokenFacts();
  const listed = customerId === null ? null : findCustomer(db, customerId) !== undefined;
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
