// The partner's customer list: seek-based paging through links.next + MS-ContinuationToken, the
// starts_with filter, one customer by id, and the reseller invitation link.
import { z } from 'zod';
import { HttpError } from './faults';
import { collection, link, objectType } from './handler-kit';
import type { Handler, Link } from './handler-kit';
import { toCamelKeys } from './json-case';
import type { Customer } from './types';

export function queryParam(query: URLSearchParams, name: string): string | undefined {
  for (const [k, v] of query) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function customerWire(c: Customer, withDelegatedAccess: boolean): Record<string, unknown> {
  return {
    id: c.id,
    commerceId: c.id,
    companyProfile: { tenantId: c.id, domain: c.domain, companyName: c.companyName, ...objectType('CustomerCompanyProfile') },
    relationshipToPartner: c.relationshipToPartner,
    ...(withDelegatedAccess ? { allowDelegatedAccess: c.allowDelegatedAccess } : {}),
    customDomains: [c.domain],
    links: { self: link(`/customers/${c.id}`) },
    ...objectType('Customer'),
  };
}

const filterSchema = z.object({ field: z.string(), value: z.string(), operator: z.string() });

function applyFilter(customers: Customer[], raw: string | undefined): Customer[] {
  if (raw === undefined || raw === '') return customers;
  let parsed: z.infer<typeof filterSchema>;
  try {
    parsed = filterSchema.parse(toCamelKeys(JSON.parse(raw)));
  } catch {
    throw new HttpError(400, 'The filter is not a valid JSON filter object.');
  }
  if (parsed.operator.toLowerCase() !== 'starts_with') throw new HttpError(400, 'Only the starts_with operator is supported.');
  const prefix = parsed.value.toLowerCase();
  const field = parsed.field.toLowerCase();
  if (field === 'indirectreseller' || field === 'indirectcloudsolutionprovider') return [];
  if (field !== 'companyname' && field !== 'domain') throw new HttpError(400, `Unsupported filter field ${parsed.field}.`);
  return customers.filter((c) => (field === 'domain' ? c.domain : c.companyName).toLowerCase().startsWith(prefix));
}

export const listCustomers: Handler = (ctx, state) => {
  const sizeRaw = queryParam(ctx.query, 'size');
  const size = sizeRaw === undefined ? ctx.switches.customersPageCap : Number(sizeRaw);
  if (!Number.isInteger(size) || size < 1) throw new HttpError(400, 'size must be a positive integer.');
  const pageSize = Math.min(size, ctx.switches.customersPageCap);
  const seek = queryParam(ctx.query, 'seekOperation');
  let offset = 0;
  let filterRaw = queryParam(ctx.query, 'filter');
  if (seek !== undefined) {
    const token = headerValue(ctx.headers['ms-continuationtoken']);
    const c = state.readContinuation('customers|', token);
    // The next link carries no filter: the token remembers it.
    filterRaw = c.scope.slice('customers|'.length) || undefined;
    const op = seek.toLowerCase();
    if (op === 'next') offset = c.offset;
    else if (op === 'previous') offset = Math.max(0, c.offset - 2 * pageSize);
    else if (op === 'first') offset = 0;
    else throw new HttpError(400, `Unsupported seekOperation ${seek}.`);
  }
  const all = applyFilter([...state.customers.values()], filterRaw);
  const page = all.slice(offset, offset + pageSize);
  const links: Record<string, Link> = { self: link(`/v1/customers?size=${size}`) };
  const extra: Record<string, unknown> = {};
  const end = offset + page.length;
  if (end < all.length) {
    const token = state.issueContinuation(`customers|${filterRaw ?? ''}`, end);
    links.next = link(`/v1/customers?size=${size}&seekOperation=Next`, [{ key: 'MS-ContinuationToken', value: token }]);
    extra.continuationToken = token;
  }
  return collection(page.map((c) => customerWire(c, false)), { links, ...extra });
};

export const getCustomer: Handler = (ctx, state) => {
  const customer = state.customer(ctx.params.cid ?? '');
  if (!customer) throw new HttpError(404, `Customer ${ctx.params.cid ?? ''} was not found.`);
  return { status: 200, body: customerWire(customer, true) };
};

export const relationshipRequest: Handler = (_ctx, state) => ({
  status: 200,
  body: {
    url: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${state.partnerId}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
    ...objectType('RelationshipRequest'),
  },
});
