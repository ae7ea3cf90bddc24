import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, FABRIKAM, PK, TUPLE, call, createBatch, pollDone, start } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

const batches = `/v1/customers/${CONTOSO}/deviceBatches`;

describe('injected server errors', () => {
  it.each([500, 502, 503, 504] as const)('%i with a fault body, only for the matching route, for `times` requests', async (status) => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status, route: '/deviceBatches$', method: 'GET', times: 2 }] });
    expect((await call(emu, 'GET', '/v1/customers')).status).toBe(200);
    const first = await call(emu, 'GET', batches);
    expect(first.status).toBe(status);
    expect(first.json).toMatchObject({ code: status, source: 'PartnerFD' });
    expect((await call(emu, 'GET', batches)).status).toBe(status);
    expect((await call(emu, 'GET', batches)).status).toBe(200);
    expect(emu.control.switches().faults).toEqual([]);
    expect(emu.control.requests().filter((r) => r.outcome === 'injected')).toHaveLength(2);
  });

  it('rate 0 never fires', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status: 500, rate: 0 }] });
    expect((await call(emu, 'GET', batches)).status).toBe(200);
  });

  it('an `after` error still does the work: the retry with the same MS-RequestId replays, no second job', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status: 503, method: 'POST', after: true, times: 1 }] });
    const headers = { 'MS-RequestId': 'after-503' };
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'after', { headers })).status).toBe(503);
    const retry = await createBatch(emu, [{ productKey: PK.free[0] }], 'after', { headers });
    expect(retry.status).toBe(202);
    expect(emu.control.stats().jobs.total).toBe(1);
  });

  it('tupleOnly500 fails uploads that name a device by serial+manufacturer+model only', async () => {
    emu.control.setSwitches({ tupleOnly500: true });
    const res = await createBatch(emu, [TUPLE]);
    expect(res.status).toBe(500);
    expect(res.json.description).toBe('Sequence contains no matching element');
    expect((await createBatch(emu, [{ productKey: PK.free[0] }])).status).toBe(202);
  });
});

describe('dropped connections, hangs, latency', () => {
  it('drop destroys the socket without an answer', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'drop', times: 1 }] });
    await expect(call(emu, 'GET', batches)).rejects.toThrow();
    expect((await call(emu, 'GET', batches)).status).toBe(200);
    expect(emu.control.requests()[0]?.outcome).toBe('dropped');
  });

  it('hang never answers; close() still completes', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'hang', times: 1 }] });
    await expect(call(emu, 'GET', batches, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(emu.control.requests()[0]).toMatchObject({ outcome: 'hung', status: null });
  });

  it('hang after the work: a timed-out upload retried with its MS-RequestId registers once', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'hang', method: 'POST', after: true, times: 1 }] });
    const headers = { 'MS-RequestId': 'timeout-1' };
    await expect(createBatch(emu, [{ productKey: PK.free[0] }], 'hang', { headers, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    const retry = await createBatch(emu, [{ productKey: PK.free[0] }], 'hang', { headers });
    expect(retry.status).toBe(202);
    await pollDone(emu, retry.headers.get('location') ?? '');
    expect(emu.control.stats()).toMatchObject({ jobs: { total: 1 }, registrations: 1, duplicates: [] });
  });

  it('drop after the work, then a retry with a new request id: the device reports 806, not a second registration', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'drop', method: 'POST', after: true, times: 1 }], jobAdvance: { pollsPerStep: 0 } });
    await expect(createBatch(emu, [{ productKey: PK.free[0] }], 'drop')).rejects.toThrow();
    const retry = await call(emu, 'POST', `${batches}/drop/devices`, { body: [{ productKey: PK.free[0] }] });
    const job = await pollDone(emu, retry.headers.get('location') ?? '');
    expect((job.devicesStatus as { errorCode: string }[])[0]?.errorCode).toBe('806');
    expect(emu.control.duplicates()).toEqual([]);
  });

  it('latency delays answers', async () => {
    emu.control.setSwitches({ latency: { ms: 120, jitterMs: 10 } });
    const t0 = performance.now();
    await call(emu, 'GET', batches);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    expect(emu.control.requests()[0]?.ms).toBeGreaterThanOrEqual(115);
  });
});

describe('throttling', () => {
  const tight = { enabled: true, partner: { capacity: 100, refillPerSecond: 100 }, customer: { capacity: 3, refillPerSecond: 0.5 }, routes: {} };

  it('429 with Retry-After seconds and the gateway body once the customer bucket is empty', async () => {
    emu.control.setSwitches({ throttle: tight });
    for (let i = 0; i < 3; i++) expect((await call(emu, 'GET', batches)).status).toBe(200);
    const res = await call(emu, 'GET', batches);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.json).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 2 seconds.' });
    expect((await call(emu, 'GET', `/v1/customers/${CONTOSO}/policies`)).status).toBe(200);
    emu.control.advanceTime(2000);
    expect((await call(emu, 'GET', batches)).status).toBe(200);
    expect(emu.control.requests().filter((r) => r.outcome === 'throttled')).toHaveLength(1);
  });

  it('the partner bucket spans customers; per-route overrides apply; Retry-After can be an HTTP date', async () => {
    emu.control.setSwitches({
      retryAfter: 'http-date',
      throttle: { ...tight, routes: { 'customers.list': { partner: { capacity: 1, refillPerSecond: 0.1 } }, 'deviceBatches.list': { partner: { capacity: 2, refillPerSecond: 0.1 } } } },
    });
    expect((await call(emu, 'GET', batches)).status).toBe(200);
    expect((await call(emu, 'GET', `/v1/customers/${FABRIKAM}/deviceBatches`)).status).toBe(200);
    expect((await call(emu, 'GET', `/v1/customers/${FABRIKAM}/deviceBatches`)).status).toBe(429);
    expect((await call(emu, 'GET', `/v1/customers/${CONTOSO}/policies`)).status).toBe(200);
    expect((await call(emu, 'GET', '/v1/customers')).status).toBe(200);
    const res = await call(emu, 'GET', '/v1/customers');
    expect(res.status).toBe(429);
    const when = Date.parse(res.headers.get('retry-after') ?? '');
    expect(when - Date.now()).toBeGreaterThan(5000);
  });

  it('throttleBoundMs gives the least time N requests can take', () => {
    emu.control.setSwitches({ throttle: tight });
    expect(emu.control.throttleBoundMs(3, 'devices.list')).toBe(0);
    expect(emu.control.throttleBoundMs(13, 'devices.list')).toBe(20_000);
    expect(emu.control.throttleBoundMs(13, 'devices.list', false)).toBe(0);
    emu.control.setSwitches({ throttle: { enabled: false } });
    expect(emu.control.throttleBoundMs(1000, 'devices.list')).toBe(0);
  });
});
