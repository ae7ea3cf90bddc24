import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRetry, defaultRetryPolicy, fullJitterDelay, isRetryableStatus, parseRetryAfter } from '../../../../electron/partner-center/retry';

const policy = { ...defaultRetryPolicy, maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
const NOW = Date.parse('2026-03-02T10:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('57', NOW)).toBe(57_000);
    expect(parseRetryAfter(' 3 ', NOW)).toBe(3000);
  });

  it('reads an HTTP-date relative to the clock, a past date as 0', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    for (const v of [undefined, null, '', 'soon', '-5', '1e3', 'NaN']) expect(parseRetryAfter(v, NOW)).toBeUndefined();
  });
});

describe('fullJitterDelay', () => {
  it('stays within [0, min(cap, base * 2^(n-1))) for any random value', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
      const d = fullJitterDelay(n, policy, () => r);
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      return d >= 0 && d < ceiling + 1e-9 && Number.isInteger(d);
    }));
  });

  it('spans the whole range: 0 at random 0, near the ceiling at random ~1, capped', () => {
    expect(fullJitterDelay(1, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(1, policy, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(200);
    expect(fullJitterDelay(30, policy, () => 0.999)).toBe(999);
  });
});

describe('decideRetry', () => {
  it('never retries before Retry-After, whatever the jitter', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 60_000 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (failures, retryAfterMs, r) => {
        const d = decideRetry({ failures, retryable: true, retryAfterMs }, policy, () => r);
        return d.retry && d.delayMs >= retryAfterMs && d.delayMs <= retryAfterMs + policy.maxDelayMs;
      },
    ));
  });

  it('a Retry-After given as a date in the future is honoured too', () => {
    const retryAfterMs = parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW);
    const d = decideRetry({ failures: 1, retryable: true, retryAfterMs }, policy, () => 0);
    expect(d).toEqual({ retry: true, delayMs: 7000 });
  });

  it('stops at maxAttempts, on non-transient failures, and on a Retry-After beyond the in-process limit', () => {
    expect(decideRetry({ failures: 5, retryable: true }, policy, () => 0.5)).toEqual({ retry: false, reason: 'attempts-exhausted' });
    expect(decideRetry({ failures: 1, retryable: false }, policy, () => 0.5)).toEqual({ retry: false, reason: 'not-retryable' });
    expect(decideRetry({ failures: 1, retryable: true, retryAfterMs: 61_000 }, policy, () => 0.5)).toEqual({ retry: false, reason: 'retry-after-too-long' });
  });

  it('without Retry-After the delay is pure full jitter', () => {
    expect(decideRetry({ failures: 2, retryable: true }, policy, () => 0.5)).toEqual({ retry: true, delayMs: 100 });
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409, 412, 417].some(isRetryableStatus)).toBe(false);
  });
});
