import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, PK, call, createBatch, devicesStatus, pollDone, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

async function ctl(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // Control answers are plain JSON objects or arrays of them; tests read fields freely.
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & Record<string, unknown>[] };
}

describe('/_emulator control routes', () => {
  it('reads and merges switches, rejects invalid ones, resets them', async () => {
    expect((await ctl('GET', 'switches')).json).toMatchObject({ batchExists: 'conflict', maxDevicesPerRequest: 500 });
    const set = await ctl('POST', 'switches', { batchExists: 'append', jobAdvance: { pollsPerStep: 3 } });
    expect(set.json).toMatchObject({ batchExists: 'append', jobAdvance: { pollsPerStep: 3, msPerStep: 0 } });
    expect(emu.control.switches().batchExists).toBe('append');
    expect((await ctl('POST', 'switches', { batchExists: 'explode' })).status).toBe(400);
    expect((await ctl('POST', 'switches/reset')).json).toMatchObject({ batchExists: 'conflict' });
  });

  it('adds customers, approves relationships and removes customers', async () => {
    const added = await ctl('POST', 'customers', [{ id: 'AAAAAAAA-0000-4000-8000-000000000001', companyName: 'Via HTTP', domain: 'via.example' }]);
    expect(added.json[0]).toMatchObject({ id: 'aaaaaaaa-0000-4000-8000-000000000001' });
    await ctl('POST', 'relationships/approve', { id: 'aaaaaaaa-0000-4000-8000-000000000002', companyName: 'Approved' });
    const list = await call(emu, 'GET', '/v1/customers');
    expect(list.json.totalCount).toBe(4);
    expect((await ctl('DELETE', 'customers/aaaaaaaa-0000-4000-8000-000000000002')).json).toEqual({ removed: true });
    expect((await call(emu, 'GET', '/v1/customers')).json.totalCount).toBe(3);
    expect((await ctl('POST', 'customers', { companyName: 'no id' })).status).toBe(400);
  });

  it('adds registry devices and tokens, reads the registry', async () => {
    await ctl('POST', 'registry', { PKID: '3399999999999' });
    expect((await ctl('GET', 'registry')).json.some((r) => r.pkid === '3399999999999')).toBe(true);
    await ctl('POST', 'tokens', { token: 'http-token', class: 'app+user' });
    expect((await ctl('GET', 'tokens')).json).toContainEqual({ token: 'http-token', tokenClass: 'app+user', role: 'admin_agent' });
    const job = await (async () => {
      const res = await createBatch(emu, [{ productKey: '3399999999999' }], 'http', { token: 'http-token' });
      return pollDone(emu, res.headers.get('location') ?? '');
    })();
    expect(devicesStatus(job)[0]?.errorCode).toBeNull();
  });

  it('reports requests, stats and registrations; resets the request log', async () => {
    await call(emu, 'GET', `/v1/customers/${CONTOSO}/deviceBatches`, { headers: { 'MS-RequestId': 'seen-1', 'MS-CorrelationId': 'corr-9' } });
    const log = (await ctl('GET', 'requests')).json;
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: `/v1/customers/${CONTOSO}/deviceBatches`, status: 200, requestId: 'seen-1', correlationId: 'corr-9' });
    expect(typeof log.at(-1)?.ms).toBe('number');
    const stats = (await ctl('GET', 'stats')).json;
    expect(stats).toMatchObject({ registrations: 1, batches: 1, duplicates: [] });
    expect((await ctl('GET', 'registrations')).json).toEqual({ registrations: [{ identity: 'pkid:3399999999999', count: 1 }], duplicates: [] });
    await ctl('DELETE', 'requests');
    expect((await ctl('GET', 'requests')).json).toEqual([]);
  });

  it('completes jobs, moves the clock, computes the throttle bound', async () => {
    await ctl('POST', 'switches', { stuckJobs: true });
    const res = await createBatch(emu, [{ productKey: PK.free[0] }]);
    await ctl('POST', 'jobs/complete');
    const loc = `/v1${res.headers.get('location') ?? ''}`;
    expect((await call(emu, 'GET', loc)).json.status).toBe('finished');
    await ctl('POST', 'switches', { stuckJobs: false, jobAdvance: { pollsPerStep: 0, msPerStep: 500 } });
    const timed = await createBatch(emu, [{ productKey: PK.free[1] }]);
    expect((await ctl('POST', 'clock', { advanceMs: 1000 })).json).toEqual({ ok: true });
    expect((await call(emu, 'GET', `/v1${timed.headers.get('location') ?? ''}`)).json.status).toBe('finished');
    expect((await ctl('POST', 'clock', { advanceMs: -1 })).status).toBe(400);
    const bound = await ctl('GET', 'throttle-bound?n=1100&route=devices.list&perCustomer=false');
    expect(bound.json.ms).toBeCloseTo(6000, 5);
  });

  it('404 for an unknown control route; reset returns to the seed', async () => {
    expect((await ctl('GET', 'nothing')).status).toBe(404);
    await ctl('POST', 'reset');
    const stats = (await ctl('GET', 'stats')).json;
    expect(stats).toMatchObject({ customers: 2, batches: 0, registrations: 0, requests: 0 });
  });
});
