// Seek-based collections: follow `links.next` (uri + the headers it lists, MS-ContinuationToken among
// them) as the SDK does, or, when only a body `continuationToken` comes back, send it as
// MS-ContinuationToken on the follow-up request. Every page is its own logical call (own MS-RequestId).
import { z } from 'zod';
import type { CallMeta, PartnerCenterResult } from './errors';
import { makeError } from './errors';
import { parseValue } from './parse';
import type { CallOptions, Requester } from './request';
import { jsonBody } from './request';

const linkSchema = z.object({
  uri: z.string().min(1),
  method: z.string().nullish(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })).nullish(),
});

export const collectionSchema = z.object({
  totalCount: z.number().nullish(),
  items: z.array(z.unknown()).nullish(),
  links: z.object({ next: linkSchema.nullish() }).nullish(),
  continuationToken: z.string().nullish(),
});

type CollectionPage = z.output<typeof collectionSchema>;
type NextLink = NonNullable<NonNullable<CollectionPage['links']>['next']>;

export interface Page<T> {
  items: T[];
  pages: number;
  /** The service's totalCount of the first page, when it sent one. */
  totalCount: number | null;
}

export interface PagingSpec<S extends z.ZodType> {
  path: string;
  query?: Record<string, string | undefined>;
  item: S;
  /** The request to make when a page has a continuationToken but no next link. */
  nextWithoutLink: (token: string) => { path: string; query?: Record<string, string | undefined> };
  /** Safety stop against a server that never ends. */
  maxPages?: number;
}

export async function collectAll<S extends z.ZodType>(
  requester: Requester,
  spec: PagingSpec<S>,
  options: Omit<CallOptions, 'requestId'> = {},
): Promise<PartnerCenterResult<Page<z.output<S>>>> {
  const items: z.output<S>[] = [];
  type Next = { path: string; query?: Record<string, string | undefined>; headers?: { key: string; value: string }[] };
  let next: Next | undefined = { path: spec.path, query: spec.query };
  let pages = 0;
  let totalCount: number | null = null;
  let lastMeta: CallMeta | undefined;
  const seen = new Set<string>();
  const maxPages = spec.maxPages ?? 10_000;
  while (next) {
    const res: PartnerCenterResult<CollectionPage> = await requester.request(
      { method: 'GET', path: next.path, query: next.query, headers: next.headers, expect: [200], read: jsonBody(collectionSchema) },
      options,
    );
    if (!res.ok) return res;
    pages += 1;
    lastMeta = res.meta;
    const page: CollectionPage = res.value;
    if (pages === 1) totalCount = page.totalCount ?? null;
    for (const [i, raw] of (page.items ?? []).entries()) {
      const parsed = parseValue(raw, spec.item);
      if (!parsed.ok) {
        return { ok: false, error: makeError({ kind: 'unexpected', status: 200, description: `page ${pages} item ${i}: ${parsed.problem}`, requestId: res.meta.requestId, correlationId: res.meta.correlationId, attempts: res.meta.attempts, method: 'GET', path: next.path }) };
      }
      items.push(parsed.value);
    }
    const link: NextLink | null | undefined = page.links?.next;
    const token: string | undefined = link?.headers?.find((h: { key: string }) => h.key.toLowerCase() === 'ms-continuationtoken')?.value ?? page.continuationToken ?? undefined;
    if (link) next = { path: link.uri, headers: link.headers ?? [] };
    else if (token) next = { ...spec.nextWithoutLink(token), headers: [{ key: 'MS-ContinuationToken', value: token }] };
    else next = undefined;
    if (next) {
      const key = token ?? link?.uri ?? '';
      if (seen.has(key) || pages >= maxPages) {
        return { ok: false, error: makeError({ kind: 'unexpected', status: 200, description: seen.has(key) ? `paging did not end: page ${pages} repeated an earlier continuation.` : `paging stopped after ${pages} pages (the limit).`, requestId: res.meta.requestId, correlationId: res.meta.correlationId, attempts: res.meta.attempts, method: 'GET', path: spec.path }) };
      }
      seen.add(key);
    }
  }
  return { ok: true, value: { items, pages, totalCount }, meta: lastMeta! };
}
