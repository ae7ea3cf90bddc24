import { describe, expect, it } from 'vitest';
import { RequestWindow } from '../../../../../electron/core/sync/request-window';
import type { PartnerCenterError, PartnerCenterResult } from '../../../../../electron/partner-center/client';

const ok = (attempts = 1): PartnerCenterResult<unknown> => ({ ok: true, value: null, meta: { status: 200, requestId: 'r', correlationId: 'c', attempts } });
const failed = (kind: PartnerCenterError['kind'], retryAfterMs: number | null = null): PartnerCenterResult<unknown> => ({
  ok: false,
  error: { kind, retryAfterMs, message: kind, requestId: 'r', correlationId: 'c', method: 'GET', path: '/x', attempts: 1, status: kind === 'throttled' ? 429 : 500, code: null, description: null } satisfies PartnerCenterError,
});

describe('RequestWindow', () => {
  it('starts at its ceiling and lets no more than that run at once', () => {
    const w = new RequestWindow(4);
    expect(w.limit).toBe(4);
    expect(w.allows(3, 0)).toBe(true);
    expect(w.allows(4, 0)).toBe(false);
  });

  it('halves on a 429 and starts nothing before its Retry-After has passed', () => {
    const w = new RequestWindow(4);
    w.observe(failed('throttled', 3_000), 1_000);
    expect(w.limit).toBe(2);
    expect(w.allows(0, 3_999)).toBe(false);
    expect(w.openAt(3_999)).toBe(4_000);
    expect(w.allows(0, 4_000)).toBe(true);
    expect(w.openAt(4_000)).toBe(0);
  });

  it('halves, without a pause, on an answer the client needed retries for; never below one', () => {
    const w = new RequestWindow(4);
    w.observe(ok(2), 0);
    expect(w.limit).toBe(2);
    w.observe(ok(3), 0);
    w.observe(failed('throttled'), 0);
    expect(w.limit).toBe(1);
    expect(w.allows(0, 0)).toBe(true);
  });

  it('grows back by one per window of clean answers once the wait has passed calmly, up to its ceiling', () => {
    const w = new RequestWindow(3);
    w.observe(failed('throttled', 2_000), 0);
    expect(w.limit).toBe(1);
    // Paused until 2 s, then as long again before clean answers count.
    for (let i = 0; i < 5; i++) w.observe(ok(), 3_999);
    expect(w.limit).toBe(1);
    w.observe(ok(), 4_000);
    expect(w.limit).toBe(2);
    w.observe(ok(), 4_000);
    expect(w.limit).toBe(2);
    w.observe(ok(), 4_000);
    expect(w.limit).toBe(3);
    for (let i = 0; i < 10; i++) w.observe(ok(), 4_000);
    expect(w.limit).toBe(3);
  });

  it('leaves other failures (a 500 given up on, a 404) to the steps', () => {
    const w = new RequestWindow(4);
    w.observe(failed('server'), 0);
    w.observe(failed('not-found'), 0);
    expect(w.limit).toBe(4);
  });
});
