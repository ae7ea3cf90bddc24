// Customers: the partner's whole list (all pages), the starts_with filter, one customer by id, and the
// reseller-relationship invitation link a customer's Global Administrator accepts.
import { z } from 'zod';
import type { PartnerCenterResult } from './errors';
import { collectAll, type Page } from './paging';
import { jsonBody, type CallOptions, type Requester } from './request';

export const relationships = ['none', 'reseller', 'advisor', 'syndication', 'microsoft_support'] as const;

const customerWire = z.object({
  id: z.string().min(1),
  companyProfile: z.object({
    tenantId: z.string().nullish(),
    domain: z.string().nullish(),
    companyName: z.string().nullish(),
  }).nullish(),
  relationshipToPartner: z.string().nullish(),
  allowDelegatedAccess: z.boolean().nullish(),
});

export interface Customer {
  /** The customer's tenant id (Partner Center's customer id). */
  tenantId: string;
  companyName: string;
  domain: string | null;
  /** `reseller`, `advisor`, …, lower-cased as sent; `unknown` if absent. */
  relationship: string;
  /** Only on get-by-id. */
  allowDelegatedAccess: boolean | null;
}

export const customerSchema = customerWire.transform((c): Customer => ({
  tenantId: c.companyProfile?.tenantId ?? c.id,
  companyName: c.companyProfile?.companyName ?? c.companyProfile?.domain ?? c.id,
  domain: c.companyProfile?.domain ?? null,
  relationship: c.relationshipToPartner?.toLowerCase() ?? 'unknown',
  allowDelegatedAccess: c.allowDelegatedAccess ?? null,
}));

export interface CustomerFilter {
  field: 'companyName' | 'domain';
  /** Matched with starts_with, case-insensitively, by the service. */
  value: string;
}

export interface ListCustomersOptions extends Omit<CallOptions, 'requestId'> {
  /** Page size asked for (`size`, which the docs mark required); the service may cap it. */
  pageSize?: number;
  filter?: CustomerFilter;
  maxPages?: number;
}

const relationshipRequestSchema = z.object({ url: z.string().url() });

export function customersApi(requester: Requester) {
  return {
    /** Every customer, following links.next + MS-ContinuationToken until the last page. */
    list(options: ListCustomersOptions = {}): Promise<PartnerCenterResult<Page<Customer>>> {
      const size = String(options.pageSize ?? 500);
      const filter = options.filter
        ? JSON.stringify({ Field: options.filter.field === 'domain' ? 'Domain' : 'CompanyName', Value: options.filter.value, Operator: 'starts_with' })
        : undefined;
      return collectAll(requester, {
        path: '/customers',
        query: { size, filter },
        item: customerSchema,
        nextWithoutLink: () => ({ path: '/customers', query: { size, seekOperation: 'Next' } }),
        maxPages: options.maxPages,
      }, options);
    },

    get(customerId: string, options?: CallOptions): Promise<PartnerCenterResult<Customer>> {
      return requester.request({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, expect: [200], read: jsonBody(customerSchema) }, options);
    },

    /** The invitation URL a customer's Global Administrator opens to accept the reseller relationship. */
    relationshipRequest(options?: CallOptions): Promise<PartnerCenterResult<{ url: string }>> {
      return requester.request({ method: 'GET', path: '/customers/relationshiprequests', expect: [200], read: jsonBody(relationshipRequestSchema) }, options);
    },
  };
}
