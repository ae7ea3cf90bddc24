// Every channel answers with an envelope: thrown errors lose their shape across IPC and HTTP.
import type { ErrorKey, ErrorParams } from './error-keys';

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
  /**
   * A catalog key (errors namespace, listed in error-keys.ts) and its placeholders, so the UI can say this
   * in the operator's language. A plain string on the wire: a renderer may meet a key it does not know.
   */
  say?: Saying & {
    /** The caller's follow-up sentence (what was kept, what to do next), said after the key's own. */
    then?: Saying;
  };
}

export interface Saying {
  key: string;
  params?: Record<string, string | number>;
}

/** A sentence a caller adds to an error it passes on, in both words: the key for the UI, the English for the message. */
export interface FollowUp {
  readonly say: Saying;
  readonly english: string;
}

export function followUp<K extends ErrorKey>(key: K, params: ErrorParams<K>, english: string): FollowUp {
  return { say: Object.keys(params).length === 0 ? { key } : { key, params }, english };
}

/** The failure with the follow-up's key beside its own (the English message already carries its words). */
export function withFollowUp<T>(result: Result<T>, then: FollowUp): Result<T> {
  if (result.ok || result.error.say === undefined) return result;
  return { ok: false, error: { ...result.error, say: { ...result.error.say, then: then.say } } };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * fail() with the catalog key the UI says it by; `message` stays the English the CLI and the log show.
 * Only keys from error-keys.ts, each with exactly its placeholders, so a typo cannot reach a screen.
 */
export function failSaying<K extends ErrorKey, T = never>(code: ErrorCode, key: K, params: ErrorParams<K>, message: string, details?: unknown): Result<T> {
  const say = Object.keys(params).length === 0 ? { key } : { key, params };
  return { ok: false, error: details === undefined ? { code, message, say } : { code, message, details, say } };
}
