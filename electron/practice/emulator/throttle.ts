// Token buckets per partner and per (partner, customer), each per route, as Partner Center's throttling
// guidance describes. A request must find a token in every bucket that applies; none is taken otherwise.
import type { BucketConfig, ThrottleConfig } from './switches';

interface Bucket {
  tokens: number;
  at: number;
}

function bucketsFor(config: ThrottleConfig, routeId: string): { partner: BucketConfig; customer: BucketConfig } {
  const override = config.routes[routeId];
  return { partner: override?.partner ?? config.partner, customer: override?.customer ?? config.customer };
}

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  reset(): void {
    this.buckets.clear();
  }

  /** Takes a token from each applicable bucket; returns 0, or the whole seconds to wait when throttled. */
  take(config: ThrottleConfig, routeId: string, customerId: string | undefined, nowMs: number): number {
    if (!config.enabled) return 0;
    const { partner, customer } = bucketsFor(config, routeId);
    const applicable: [string, BucketConfig][] = [[`${routeId}|partner`, partner]];
    if (customerId) applicable.push([`${routeId}|${customerId.toLowerCase()}`, customer]);
    const filled = applicable.map(([key, cfg]) => {
      const b = this.buckets.get(key) ?? { tokens: cfg.capacity, at: nowMs };
      const tokens = Math.min(cfg.capacity, b.tokens + ((nowMs - b.at) / 1000) * cfg.refillPerSecond);
      return { key, cfg, bucket: { tokens, at: nowMs } };
    });
    for (const f of filled) this.buckets.set(f.key, f.bucket);
    const short = filled.filter((f) => f.bucket.tokens < 1);
    if (short.length > 0) {
      const waitMs = Math.max(...short.map((f) => ((1 - f.bucket.tokens) / f.cfg.refillPerSecond) * 1000));
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    for (const f of filled) f.bucket.tokens -= 1;
    return 0;
  }
}

/** Least time one bucket allows for n requests, starting full: the first `capacity` are free. */
export function bucketBoundMs(n: number, bucket: BucketConfig): number {
  return n <= bucket.capacity ? 0 : ((n - bucket.capacity) / bucket.refillPerSecond) * 1000;
}

/**
 * Least time the throttle allows for n requests to one route, all for one customer (or none), with
 * every bucket starting full. A benchmark compares its wall time with this bound.
 */
export function throttleBoundMs(n: number, config: ThrottleConfig, routeId: string, perCustomer = true): number {
  if (!config.enabled) return 0;
  const { partner, customer } = bucketsFor(config, routeId);
  const bounds = [bucketBoundMs(n, partner)];
  if (perCustomer) bounds.push(bucketBoundMs(n, customer));
  return Math.max(...bounds);
}
