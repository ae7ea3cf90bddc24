import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, PK, call, createBatch, pollDone, start } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

describe('headers and paths', () => {
  it('echoes MS-RequestId and MS-CorrelationId and adds MS-CV, MS-ServerId, Date', async () => {
    const res = await call(emu, 'GET', '/v1/customers?size=5', { headers: { 'MS-RequestId': 'req-1', 'MS-CorrelationId': 'corr-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('ms-requestid')).toBe('req-1');
    expect(res.headers.get('ms-correlationid')).toBe('corr-1');
    expect(res.headers.get('ms-cv')).toMatch(/\S+\.0$/);
    expect(res.headers.get('ms-serverid')).toMatch(/^\d+$/);
    expect(Date.parse(res.headers.get('date') ?? '')).not.toBeNaN();
  });

  it('generates request and correlation ids when absent', async () => {
    const res = await call(emu, 'GET', '/v1/customers');
    expect(res.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('ms-correlationid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves with and without /v1 and matches path segments case-insensitively', async () => {
    for (const path of [`/v1/customers/${CONTOSO}/deviceBatches`, `/customers/${CONTOSO}/devicebatches`, `/V1/CUSTOMERS/${CONTOSO}/DEVICEBATCHES/`]) {
      const res = await call(emu, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(res.json.attributes).toEqual({ objectType: 'Collection' });
    }
  });

  it('answers 404 with a fault body for unknown paths and 405 for a wrong method', async () => {
    const missing = await call(emu, 'GET', '/v1/nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 404, data: [], source: 'PartnerFD' });
    const wrong = await call(emu, 'DELETE', `/v1/customers/${CONTOSO}/deviceBatches`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('accepts PascalCase and odd-case request bodies', async () => {
    const res = await call(emu, 'POST', `/v1/customers/${CONTOSO}/deviceBatches`, {
      body: { BatchId: 'pascal', DEVICES: [{ ProductKey: PK.free[0], Id: null, Policies: null, Attributes: { ObjectType: 'Device' } }] },
    });
    expect(res.status).toBe(202);
    const job = await pollDone(emu, res.headers.get('location') ?? '');
    expect(job.status).toBe('finished');
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await call(emu, 'POST', `/v1/customers/${CONTOSO}/deviceBatches`, { body: '{"batchId": ' });
    expect(res.status).toBe(400);
    expect(res.json.source).toBe('PartnerFD');
  });

  it('tolerates a UTF-8 BOM in request bodies', async () => {
    const res = await call(emu, 'POST', `/v1/customers/${CONTOSO}/deviceBatches`, {
      body: `\uFEFF${JSON.stringify({ batchId: 'bom', devices: [{ productKey: PK.free[1] }] })}`,
    });
    expect(res.status).toBe(202);
  });
});

describe('idempotency', () => {
  it('replays the stored answer for the same MS-RequestId, method and path without a second job', async () => {
    const headers = { 'MS-RequestId': 'idem-1' };
    const first = await createBatch(emu, [{ productKey: PK.free[0] }], 'idem', { headers });
    const second = await createBatch(emu, [{ productKey: PK.free[0] }], 'idem', { headers });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(emu.control.stats().jobs.total).toBe(1);
    await pollDone(emu, first.headers.get('location') ?? '');
    expect(emu.control.stats().registrations).toBe(1);
    expect(emu.control.requests().map((r) => r.outcome)).toContain('replayed');
  });

  it('does not replay across a different path or a new request id', async () => {
    await createBatch(emu, [{ productKey: PK.free[0] }], 'a', { headers: { 'MS-RequestId': 'idem-2' } });
    const otherId = await createBatch(emu, [{ productKey: PK.free[1] }], 'a', { headers: { 'MS-RequestId': 'idem-3' } });
    expect(otherId.status).toBe(409);
    const otherPath = await call(emu, 'GET', `/v1/customers/${CONTOSO}/deviceBatches`, { headers: { 'MS-RequestId': 'idem-2' } });
    expect(otherPath.status).toBe(200);
  });

  it('expires stored answers after the TTL', async () => {
    const headers = { 'MS-RequestId': 'idem-ttl' };
    await createBatch(emu, [{ productKey: PK.free[0] }], 'ttl', { headers });
    emu.control.advanceTime(24 * 60 * 60 * 1000 + 1);
    const again = await createBatch(emu, [{ productKey: PK.free[0] }], 'ttl', { headers });
    expect(again.status).toBe(409);
  });

  it('switch idempotency=writes leaves GETs alone; off disables replay', async () => {
    const headers = { 'MS-RequestId': 'poll-id' };
    const created = await createBatch(emu, [{ productKey: PK.free[0] }]);
    const loc = `/v1${created.headers.get('location') ?? ''}`;
    const a = await call(emu, 'GET', loc, { headers });
    const b = await call(emu, 'GET', loc, { headers });
    expect(b.json.status).toBe(a.json.status);
    emu.control.setSwitches({ idempotency: 'writes' });
    const c = await call(emu, 'GET', loc, { headers });
    expect(c.json.status).toBe('processing');
    emu.control.setSwitches({ idempotency: 'off' });
    const h = { 'MS-RequestId': 'off-1' };
    await createBatch(emu, [{ productKey: PK.free[1] }], 'off', { headers: h });
    expect((await createBatch(emu, [{ productKey: PK.free[1] }], 'off', { headers: h })).status).toBe(409);
  });
});

describe('output switches', () => {
  it('pascalCaseOutput answers PascalCase JSON', async () => {
    emu.control.setSwitches({ pascalCaseOutput: true });
    const res = await call(emu, 'GET', '/v1/customers');
    expect(res.json.TotalCount).toBe(2);
    expect(res.json.Attributes).toEqual({ ObjectType: 'Collection' });
  });

  it('bom puts a UTF-8 BOM before JSON', async () => {
    emu.control.setSwitches({ bom: true });
    const res = await call(emu, 'GET', '/v1/customers');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.json.totalCount).toBe(2);
  });

  it('strictContractVersion requires MS-Contract-Version: v1', async () => {
    emu.control.setSwitches({ strictContractVersion: true });
    expect((await call(emu, 'GET', '/v1/customers')).status).toBe(400);
    expect((await call(emu, 'GET', '/v1/customers', { headers: { 'MS-Contract-Version': 'v1' } })).status).toBe(200);
  });

  it('faultShape=extended answers the newer error shape', async () => {
    emu.control.setSwitches({ faultShape: 'extended' });
    const res = await call(emu, 'GET', `/v1/customers/${CONTOSO}/deviceBatches/none/devices`);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, errorName: 'NotFound', isRetryable: false });
    expect(typeof res.json.message).toBe('string');
  });
});
