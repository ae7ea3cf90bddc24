// Every channel answers with an envelope: thrown errors lose their shape across IPC and HTTP.
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'DISK_FULL',
  'REMOTE_ERROR',
  'OFFLINE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** The core's English words: logs, the CLI, and the UI when its catalogs have nothing better. */
  message: string;
  details?: unknown;
  /** A catalog key (errors namespace) and its placeholders, so the UI can say this in the operator's language. */
  say?: { key: string; params?: Record<string, string | number> };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
