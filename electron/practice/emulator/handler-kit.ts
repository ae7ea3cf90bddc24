// Small helpers every route module uses: body parsing, the customer gate, wire shapes of links and lists.
import type { z } from 'zod';
import { HttpError } from './faults';
import { parseJsonBody } from './json-case';
import type { EmulatorState } from './state';
import type { Customer, Reply, RequestContext } from './types';

export type Handler = (ctx: RequestContext, state: EmulatorState) => Reply;

export function parseBody<T extends z.ZodType>(ctx: RequestContext, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = parseJsonBody(ctx.rawBody);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new HttpError(400, `The request body is invalid${where}: ${first?.message ?? 'unknown'}.`);
  }
  return result.data;
}

/** Device and policy calls for a tenant that is not (or no longer) a customer are refused. */
export function requireCustomer(ctx: RequestContext, state: EmulatorState): Customer {
  const id = ctx.params.cid ?? '';
  const customer = state.customer(id);
  if (!customer) {
    const status = ctx.switches.nonCustomerStatus;
    throw new HttpError(status, status === 404
      ? `Customer ${id} was not found.`
      : `The partner has no relationship with tenant ${id}.`);
  }
  if (ctx.switches.forbiddenCustomers.some((c) => c.toLowerCase() === customer.id)) {
    throw new HttpError(403, 'Access is denied.');
  }
  return customer;
}

export interface Link {
  uri: string;
  method: string;
  headers: { key: string; value: string }[];
}

export function link(uri: string, headers: Link['headers'] = [], method = 'GET'): Link {
  return { uri, method, headers };
}

export function objectType(type: string): { attributes: { objectType: string } } {
  return { attributes: { objectType: type } };
}

export function collection(items: unknown[], extra: Record<string, unknown> = {}, totalCount = items.length): Reply {
  return {
    status: 200,
    body: { totalCount, items, links: {}, ...extra, ...objectType('Collection') },
  };
}

/** Where a job status can be fetched, in the form the `locationStyle` switch asks for. */
export function statusUri(ctx: RequestContext, relative: string): string {
  if (ctx.switches.locationStyle === 'v1') return `/v1${relative}`;
  if (ctx.switches.locationStyle === 'absolute') return `${ctx.baseUrl}/v1${relative}`;
  return relative;
}

/** The 202 answer for an accepted job: Location header, body link, or both (the docs disagree). */
export function accepted(ctx: RequestContext, customerId: string, trackingId: string): Reply {
  const uri = statusUri(ctx, `/customers/${customerId}/batchJobStatus/${trackingId}`);
  const mode = ctx.switches.statusLink;
  const reply: Reply = { status: 202, headers: {} };
  if (mode !== 'body') reply.headers = { Location: uri };
  if (mode !== 'header') reply.body = { batchTrackingId: trackingId, location: uri, links: { self: link(uri) } };
  return reply;
}
