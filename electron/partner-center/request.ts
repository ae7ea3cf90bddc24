// The core of the Partner Center client: one logical call = one MS-RequestId, kept across its
// retries; a deadline on every attempt; transient failures (timeouts, broken connections, 408/429/5xx)
// retried with capped full-jitter back-off that never runs ahead of Retry-After; a 401 asks the token
// provider for a fresh token once, then fails 'auth'. Answers envelopes, never throws.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { makeError, faultDetails, kindForStatus, type CallMeta, type PartnerCenterError, type PartnerCenterResult } from './errors';
import { requestHeaders } from './headers';
import { abortableSleep, send, type FetchLike, type HttpOutcome } from './http';
import { parseBody, readJson } from './parse';
import { decideRetry, defaultRetryPolicy, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry';
import type { TokenProvider } from './token-provider';

export const PUBLIC_BASE_URL = 'https://api.partnercenter.microsoft.com';

export interface PartnerCenterClientOptions {
  /** Service root, with or without `/v1` (e.g. `https://api.partnercenter.microsoft.com`, or an emulator). */
  baseUrl: string;
  tokenProvider: TokenProvider;
  fetch?: FetchLike;
  /** Clock for Retry-After dates (ms since epoch). */
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** How the client waits between attempts; resolves false when cancelled. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<boolean>;
  newId?: () => string;
  /** Per-attempt deadline, ms (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Observes every attempt (logs, tests). Never gets the token. */
  onAttempt?: (info: AttemptInfo) => void;
}

export interface AttemptInfo {
  method: string;
  path: string;
  attempt: number;
  requestId: string;
  outcome: string;
  delayMs?: number;
}

/** Per logical call. */
export interface CallOptions {
  /** Your own MS-RequestId (the upload engine persists one before sending); a new GUID otherwise. */
  requestId?: string;
  correlationId?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/v1` (`/customers`), a server link with or without `/v1`, or an absolute URL on the same origin. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: readonly { key: string; value: string }[];
  /** Statuses that mean success; others are errors. */
  expect: readonly number[];
  /** Turns a successful answer into the value. */
  read: (answer: Answer) => { ok: true; value: T } | { ok: false; problem: string };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export interface Requester {
  request<T>(spec: RequestSpec<T>, options?: CallOptions): Promise<PartnerCenterResult<T>>;
  readonly newId: () => string;
}

/** `read` helper: parse the JSON body with a schema. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return (answer: Answer) => parseBody(answer.text, schema);
}

/** `read` helper: an empty (or ignored) body. */
export function noBody(): { ok: true; value: undefined } {
  return { ok: true, value: undefined };
}

export function apiRoot(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/i, '') + '/v1';
}

/** Resolves a path or a server link against the API root. Absolute links must stay on the same origin: the bearer token goes with them. */
export function resolveUrl(root: string, path: string, query?: Record<string, string | undefined>): string | undefined {
  const origin = new URL(root).origin;
  const rootNoV1 = root.replace(/\/v1$/, '');
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    url = new URL(path);
    if (url.origin !== origin) return undefined;
  } else {
    const rel = path.startsWith('/') ? path : `/${path}`;
    url = new URL(/^\/v1(\/|$|\?)/i.test(rel) ? rootNoV1 + rel : root + rel, origin);
  }
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export function createRequester(options: PartnerCenterClientOptions): Requester {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const newId = options.newId ?? randomUUID;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const root = apiRoot(options.baseUrl);

  async function request<T>(spec: RequestSpec<T>, call: CallOptions = {}): Promise<PartnerCenterResult<T>> {
    const requestId = call.requestId ?? newId();
    const correlationId = call.correlationId ?? newId();
    const pathForErrors = spec.path.replace(/^https?:\/\/[^/]+/i, '');
    const fail = (e: Omit<Parameters<typeof makeError>[0], 'requestId' | 'correlationId' | 'method' | 'path'>): PartnerCenterResult<T> => ({
      ok: false,
      error: makeError({ ...e, requestId, correlationId, method: spec.method, path: pathForErrors }),
    });
    const url = resolveUrl(root, spec.path, spec.query);
    if (!url) return fail({ kind: 'unexpected', attempts: 0, message: `Refused to follow a link to another server (${spec.path}).` });
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let attempts = 0;
    let failures = 0;
    let refreshed = false;
    let forceRefresh = false;
    for (;;) {
      let token: string;
      try {
        token = await options.tokenProvider.getToken(forceRefresh ? { forceRefresh: true } : undefined);
      } catch (err) {
        return fail({ kind: 'auth', attempts, description: err instanceof Error ? err.message : String(err) });
      }
      forceRefresh = false;
      attempts += 1;
      const outcome: HttpOutcome = await send(fetchImpl, {
        method: spec.method,
        url,
        headers: requestHeaders({ token, requestId, correlationId, hasBody: body !== undefined, extra: spec.headers }),
        body,
        timeoutMs: call.timeoutMs ?? options.timeoutMs ?? 30_000,
        signal: call.signal,
      });
      const report = (what: string, delayMs?: number) =>
        options.onAttempt?.({ method: spec.method, path: pathForErrors, attempt: attempts, requestId, outcome: what, delayMs });

      if (outcome.kind === 'cancelled') {
        report('cancelled');
        return fail({ kind: 'network', attempts, cancelled: true, message: 'The Partner Center call was cancelled.' });
      }
      let failure: { kind: PartnerCenterError['kind']; status?: number; code?: string | null; description?: string | null; retryAfterMs?: number };
      if (outcome.kind === 'timeout' || outcome.kind === 'network') {
        failure = outcome.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'network', description: outcome.message };
      } else if (spec.expect.includes(outcome.status)) {
        report(String(outcome.status));
        const read = spec.read(outcome);
        const meta: CallMeta = { status: outcome.status, requestId, correlationId, attempts };
        if (read.ok) return { ok: true, value: read.value, meta };
        return fail({ kind: 'unexpected', status: outcome.status, attempts, description: read.problem });
      } else if (outcome.status === 401 && !refreshed) {
        // One forced refresh: the token may have expired between the cache check and the call.
        report('401: refreshing the token');
        refreshed = true;
        forceRefresh = true;
        continue;
      } else {
        const details = faultDetails(outcome.text);
        const retryAfterMs = parseRetryAfter(outcome.headers.get('retry-after'), now());
        failure = { kind: kindForStatus(outcome.status), status: outcome.status, ...details, retryAfterMs };
        if (!isRetryableStatus(outcome.status)) {
          report(String(outcome.status));
          return fail({ ...failure, attempts, retryAfterMs: retryAfterMs ?? null });
        }
      }
      failures += 1;
      const decision = decideRetry({ failures, retryable: true, retryAfterMs: failure.retryAfterMs }, policy, random);
      if (!decision.retry) {
        report(`${failure.status ?? failure.kind}: giving up (${decision.reason})`);
        return fail({ ...failure, attempts, retryAfterMs: failure.retryAfterMs ?? null });
      }
      report(`${failure.status ?? failure.kind}: retrying`, decision.delayMs);
      if (!(await sleep(decision.delayMs, call.signal))) {
        return fail({ kind: 'network', attempts, cancelled: true, message: 'The Partner Center call was cancelled.' });
      }
    }
  }

  return { request, newId };
}

/** Whether a JSON body is present and readable (used for 202s whose body may hold the status link). */
export function optionalJson(text: string): unknown {
  const json = readJson(text);
  return json.ok ? json.value : undefined;
}
