// How many upload steps may have a request in flight at once. Partner Center throttles per partner and
// per customer and asks clients for less parallelism when it answers 429, so the window is small and
// additive-increase / multiplicative-decrease: it halves on a throttled answer (and on a call that
// needed retries: the service is struggling), pauses new starts for the Retry-After, and grows back by
// one per window's worth of clean answers, but only once as long again as the wait has passed calmly
// (status polls answer on another route's budget, so their successes alone say little).
import type { PartnerCenterResult } from '../../partner-center/client';

export class RequestWindow {
  private size: number;
  private pausedUntil = 0;
  private clean = 0;
  private growFrom = 0;

  constructor(private readonly max: number) {
    this.size = Math.max(1, max);
  }

  get limit(): number {
    return this.size;
  }

  /** Whether another step may start now, with `inFlight` already running. */
  allows(inFlight: number, now: number): boolean {
    return inFlight < this.size && now >= this.pausedUntil;
  }

  /** When a paused window opens again (0 when it is not paused). */
  openAt(now: number): number {
    return this.pausedUntil > now ? this.pausedUntil : 0;
  }

  /** Every Partner Center answer an upload step gets passes through here. */
  observe(result: PartnerCenterResult<unknown>, now: number): void {
    if (!result.ok) {
      if (result.error.kind === 'throttled') this.shrink(now, now + (result.error.retryAfterMs ?? 0));
      return;
    }
    // The client retried inside the call (a 429 it waited out, or a 5xx): fewer at once from here.
    if (result.meta.attempts > 1) return this.shrink(now, now);
    if (now < this.growFrom) return;
    if (++this.clean >= this.size && this.size < this.max) {
      this.size++;
      this.clean = 0;
    }
  }

  private shrink(now: number, until: number): void {
    this.size = Math.max(1, Math.floor(this.size / 2));
    this.clean = 0;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    // A retried answer does not say how long the client waited: assume at least a second.
    this.growFrom = Math.max(this.growFrom, until + Math.max(until - now, 1_000));
  }
}
