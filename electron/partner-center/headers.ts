// The request headers Partner Center documents (headers.md): bearer token, JSON both ways, the
// idempotency key MS-RequestId (kept across retries of one logical call), MS-CorrelationId for tracing.
// MS-Contract-Version is "required" in the docs but never sent by the official SDK (UNVERIFIED
// enforcement): sending it satisfies both.
export interface HeaderInput {
  token: string;
  requestId: string;
  correlationId: string;
  hasBody: boolean;
  /** Extra headers, e.g. MS-ContinuationToken from a next link. */
  extra?: readonly { key: string; value: string }[];
  locale?: string;
  application?: string;
}

export const APPLICATION_NAME = 'Dockside';

export function requestHeaders(input: HeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${input.token}`,
    Accept: 'application/json',
    'MS-RequestId': input.requestId,
    'MS-CorrelationId': input.correlationId,
    'MS-Contract-Version': 'v1',
    'X-Locale': input.locale ?? 'en-US',
    'MS-PartnerCenter-Application': input.application ?? APPLICATION_NAME,
  };
  if (input.hasBody) headers['Content-Type'] = 'application/json';
  for (const { key, value } of input.extra ?? []) {
    // Never let a server-supplied link override who we are or the idempotency key.
    if (/^(authorization|ms-requestid|ms-correlationid|host|content-length)$/i.test(key)) continue;
    headers[key] = value;
  }
  return headers;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}
