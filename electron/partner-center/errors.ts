// Typed failures of Partner Center calls. The client never throws at its public surface: every call
// answers an envelope, and a failure carries what a person needs to act on it and what Microsoft
// support asks for in a ticket (MS-RequestId, MS-CorrelationId).
import { readJson } from './parse';

export const errorKinds = [
  'network', 'timeout', 'throttled', 'server', 'auth', 'forbidden', 'not-found', 'conflict', 'bad-request', 'unexpected',
] as const;
export type PartnerCenterErrorKind = (typeof errorKinds)[number];

export interface PartnerCenterError {
  readonly kind: PartnerCenterErrorKind;
  /** One sentence for a person. */
  readonly message: string;
  /** HTTP status of the last attempt; null when no answer came (network, timeout). */
  readonly status: number | null;
  /** The service's own code (`code`, `errorName` or 429's `statusCode`), as text. */
  readonly code: string | null;
  /** The service's description or message. */
  readonly description: string | null;
  readonly requestId: string;
  readonly correlationId: string;
  /** For 'throttled' (and 503 with Retry-After): how long the server asked us to wait. */
  readonly retryAfterMs: number | null;
  /** Attempts made for this logical call. */
  readonly attempts: number;
  readonly method: string;
  readonly path: string;
  /** The caller's AbortSignal ended the call (kind is then 'network'). */
  readonly cancelled?: boolean;
}

export type PartnerCenterResult<T> =
  | { ok: true; value: T; meta: CallMeta }
  | { ok: false; error: PartnerCenterError };

export interface CallMeta {
  readonly status: number;
  readonly requestId: string;
  readonly correlationId: string;
  readonly attempts: number;
}

export function kindForStatus(status: number): PartnerCenterErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status === 400 || status === 405 || status === 406 || status === 411 || status === 412 || status === 413
    || status === 415 || status === 417 || status === 422) return 'bad-request';
  return 'unexpected';
}

const KIND_TEXT: Record<PartnerCenterErrorKind, string> = {
  network: 'Partner Center could not be reached (no network, or the connection broke).',
  timeout: 'Partner Center did not answer in time.',
  throttled: 'Partner Center is limiting how fast this partner may call it; try again later.',
  server: 'Partner Center had an internal problem.',
  auth: 'Partner Center sign-in is needed: a shift lead must sign the station in again.',
  forbidden: 'Partner Center refused: the signed-in account may not do this for this customer.',
  'not-found': 'Partner Center does not know this item.',
  conflict: 'Partner Center already has an item with this name.',
  'bad-request': 'Partner Center refused the request as invalid.',
  unexpected: 'Partner Center answered in a way the station does not understand.',
};

/** The fault body in any of its shapes: classic `{code, description}`, extended `{code, message, errorName}`, 429 `{statusCode, message}`. */
export function faultDetails(bodyText: string): { code: string | null; description: string | null } {
  const json = readJson(bodyText);
  if (!json.ok || json.value === null || typeof json.value !== 'object') {
    const text = bodyText.trim();
    return { code: null, description: text === '' ? null : text.slice(0, 500) };
  }
  const body = json.value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
  const code = text(body.code) ?? text(body.errorName) ?? text(body.statusCode) ?? text(body.errorCode);
  const description = text(body.description) ?? text(body.message) ?? text(body.errorDescription) ?? text(body.errorMessageExtended);
  return { code, description };
}

export interface ErrorInput {
  kind: PartnerCenterErrorKind;
  status?: number | null;
  code?: string | null;
  description?: string | null;
  requestId: string;
  correlationId: string;
  retryAfterMs?: number | null;
  attempts: number;
  method: string;
  path: string;
  message?: string;
  cancelled?: boolean;
}

export function makeError(input: ErrorInput): PartnerCenterError {
  const base = input.message ?? KIND_TEXT[input.kind];
  const detail = input.description ? ` ${input.status ? `(${input.status}) ` : ''}${input.description}` : input.status ? ` (HTTP ${input.status})` : '';
  return {
    kind: input.kind,
    message: `${base}${detail}`.trim(),
    status: input.status ?? null,
    code: input.code ?? null,
    description: input.description ?? null,
    requestId: input.requestId,
    correlationId: input.correlationId,
    retryAfterMs: input.retryAfterMs ?? null,
    attempts: input.attempts,
    method: input.method,
    path: input.path,
    ...(input.cancelled ? { cancelled: true } : {}),
  };
}

/** A line for support: what failed and the ids Microsoft asks for. */
export function supportLine(error: PartnerCenterError): string {
  return `${error.method} ${error.path} -> ${error.status ?? error.kind}; MS-RequestId ${error.requestId}; MS-CorrelationId ${error.correlationId}`;
}
