// Several upload steps at once (issue 17, item 2): chunk posts overlap with status polls, never more
// than the request window allows, and a throttled service slows every step down. Each device is
// registered once, whatever runs beside it.
import { afterEach, describe, expect, it } from 'vitest';
import { filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import type { RequestLogEntry } from '../../../electron/practice/emulator/types';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

/** The most requests the emulator was answering at one moment, from its log's start times and durations. */
function peakInFlight(log: readonly RequestLogEntry[]): number {
  const edges = log.flatMap((r) => {
    const start = Date.parse(r.at);
    return [{ t: start, d: 1 }, { t: start + r.ms, d: -1 }];
  });
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) peak = Math.max(peak, (now += e.d));
  return peak;
}

describe('steps in flight at once', () => {
  it('overlaps chunk posts and polls, at most four at a time, and registers each device once', async () => {
    w = await syncWorld({ filed: 40, switches: { latency: { ms: 40, jitterMs: 0 } } });
    const engine = w.newEngine({ maxInFlight: 4 });
    const batchId = w.approvedBatch('Wide', filedPkids(40), 5);
    await engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 40 });
    expect(w.batchState(batchId)).toBe('registered');
    expect(w.emu.control.duplicates()).toEqual([]);
    const log = w.emu.control.requests();
    const peak = peakInFlight(log);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(4);
    // The batch is created once, by the first chunk alone; the other seven append.
    const posts = log.filter((r) => r.method === 'POST');
    expect(posts.filter((r) => /deviceBatches$/i.test(r.path))).toHaveLength(1);
    expect(posts.filter((r) => /devices$/i.test(r.path))).toHaveLength(7);
    expect(Date.parse(posts.find((r) => /deviceBatches$/i.test(r.path))?.at ?? '')).toBeLessThan(Math.min(...posts.filter((r) => /devices$/i.test(r.path)).map((r) => Date.parse(r.at))));
  });

  it('keeps one step at a time when asked to', async () => {
    w = await syncWorld({ filed: 12, switches: { latency: { ms: 20, jitterMs: 0 } } });
    const engine = w.newEngine({ maxInFlight: 1 });
    const batchId = w.approvedBatch('Narrow', filedPkids(12), 4);
    await engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 12 });
    expect(peakInFlight(w.emu.control.requests())).toBe(1);
  });

  it('meets 429s without losing or doubling anything: each chunk accepted once, under one request id', async () => {
    const throttle = { enabled: true, routes: { 'devices.append': { customer: { capacity: 2, refillPerSecond: 2 } } } };
    w = await syncWorld({ filed: 40, switches: { throttle } });
    const engine = w.newEngine({ maxInFlight: 4 });
    const batchId = w.approvedBatch('Throttled', filedPkids(40), 4);
    await engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 40 });
    expect(w.emu.control.duplicates()).toEqual([]);
    const log = w.emu.control.requests();
    const appends = log.filter((r) => r.method === 'POST' && /devices$/i.test(r.path));
    const throttled = appends.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    // Nine chunks appended, each accepted once: a throttled call is repeated with its own request id.
    const accepted = appends.filter((r) => r.status === 202);
    expect(accepted).toHaveLength(9);
    expect(new Set(accepted.map((r) => r.requestId)).size).toBe(9);
    expect(new Set(appends.map((r) => r.requestId)).size).toBe(9);
    expect(peakInFlight(log)).toBeLessThanOrEqual(4);
  });
});
