// The back-off policy, pure: which failures are retried, how long to wait, and the rule that a retry
// never runs ahead of the server's Retry-After. Capped exponential back-off with full jitter
// (delay = random(0, min(cap, base * 2^n))), as AWS's "Exponential Backoff and Jitter" recommends.
export interface RetryPolicy {
  /** Attempts per logical call, the first one included (a 401's one forced token refresh is extra). */
  readonly maxAttempts: number;
  /** Base of the exponential back-off, ms. */
  readonly baseDelayMs: number;
  /** Cap of the exponential part, ms. */
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for in-process: the call fails 'throttled' with the wait. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** 408, 429 and the 5xx family are worth another try; every other status is the answer. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Full jitter: uniform in [0, min(cap, base * 2^(failures-1))). `failures` counts failed attempts (1 = first). */
export function fullJitterDelay(failures: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, failures - 1);
  const ceiling = Math.min(policy.maxDelayMs, exp);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * Retry-After as milliseconds from now: delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past is 0; anything unreadable is undefined.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^\d+\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only HTTP-date forms (they name a weekday or month); Date.parse alone would accept "1" or "2024".
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-retryable' | 'attempts-exhausted' | 'retry-after-too-long' };

export interface RetryInput {
  /** Failed attempts so far, this one included (1 after the first failure). */
  failures: number;
  /** Whether the failure is transient (timeout, connection error, 408/429/5xx). */
  retryable: boolean;
  /** The server's Retry-After, already in ms from now, if it sent one. */
  retryAfterMs?: number;
}

/**
 * Whether and when to try again. The jittered back-off is added on top of Retry-After, so a retry is
 * never early and clients told the same Retry-After do not all come back at the same instant.
 */
export function decideRetry(input: RetryInput, policy: RetryPolicy, random: () => number): RetryDecision {
  if (!input.retryable) return { retry: false, reason: 'not-retryable' };
  if (input.failures >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const floor = input.retryAfterMs ?? 0;
  if (floor > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long' };
  return { retry: true, delayMs: Math.ceil(floor) + fullJitterDelay(input.failures, policy, random) };
}
