// Error answers. Route code throws HttpError; the server turns it into the fault body of the shape the
// `faultShape` switch selects. 429 has its own, different body (it comes from the gateway, not PartnerFD).
import type { Switches } from './switches';
import type { Reply } from './types';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly code: number = status,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  409: 'Conflict', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const RETRYABLE = new Set([408, 500, 502, 503, 504]);

export function faultBody(switches: Switches, status: number, description: string, code: number = status): unknown {
  if (switches.faultShape === 'extended') {
    return {
      code,
      message: description,
      description,
      errorName: ERROR_NAMES[status] ?? 'Error',
      isRetryable: RETRYABLE.has(status),
      parameters: {},
      errorMessageExtended: '',
    };
  }
  return { code, description, data: [], source: 'PartnerFD' };
}

export function faultReply(switches: Switches, error: HttpError): Reply {
  return { status: error.status, headers: error.headers, body: faultBody(switches, error.status, error.description, error.code) };
}

export function throttledReply(switches: Switches, waitSeconds: number, nowMs: number): Reply {
  const retryAfter = switches.retryAfter === 'http-date'
    ? new Date(nowMs + waitSeconds * 1000).toUTCString()
    : String(waitSeconds);
  return {
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${waitSeconds} seconds.` },
  };
}

export function injectedReply(switches: Switches, status: number): Reply {
  const text: Record<number, string> = {
    500: 'An internal error occurred.', 502: 'Bad gateway.', 503: 'The service is unavailable.', 504: 'Gateway timeout.',
  };
  return { status, body: faultBody(switches, status, text[status] ?? 'Injected fault.') };
}
