import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import type { PartnerCenterClient } from '../../../electron/partner-center/client';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { CONTOSO, OTHER_TENANT, PK, TUPLE, client, start } from './helpers';

let emu: RunningEmulator;
let pc: PartnerCenterClient;
const batchName = () => `PO ${randomUUID().slice(0, 8)}`;
const freshPkids = (n: number) => Array.from({ length: n }, (_, i) => `33${String(Date.now() % 1e9).padStart(9, '0')}${i}`.slice(0, 13));

beforeAll(async () => {
  emu = await start();
  pc = client(emu);
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.resetSwitches();
  emu.control.resetRequests();
});

async function pollDone(trackingId: string) {
  for (let i = 0; i < 10; i++) {
    const res = await pc.jobs.status(CONTOSO, trackingId);
    if (!res.ok) throw new Error(res.error.message);
    if (res.value.done) return res.value;
  }
  throw new Error('job not done');
}

describe('device batches', () => {
  it('creates a batch (202, tracking id from Location), polls the job and reads each device\'s result', async () => {
    const res = await pc.deviceBatches.create(CONTOSO, {
      batchId: batchName(),
      devices: [{ productKey: PK.free[0] }, { productKey: PK.otherTenant }, { productKey: PK.unfiled }, TUPLE],
    });
    expect(res).toMatchObject({ ok: true, meta: { status: 202, attempts: 1 }, value: { customerId: CONTOSO, trackingId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    if (!res.ok || !res.value.trackingId) return;
    const first = await pc.jobs.status(CONTOSO, res.value.trackingId);
    expect(first).toMatchObject({ ok: true, value: { status: 'queued', done: false } });
    const job = await pollDone(res.value.trackingId);
    expect(job.status).toBe('finished_with_errors');
    expect(job.startedTime).not.toBeNull();
    expect(job.devices.map((d) => [d.productKey ?? d.serialNumber, d.failed, d.errorCode])).toEqual([
      [PK.free[0], false, null], [PK.otherTenant, true, '808'], [PK.unfiled, true, '812'], [TUPLE.serialNumber, false, null],
    ]);
  });

  it.each([
    ['relative', 'header'], ['v1', 'header'], ['absolute', 'header'], ['relative', 'body'], ['absolute', 'body'], ['v1', 'both'],
  ] as const)('finds the status link with Location style %s in the %s', async (locationStyle, statusLink) => {
    emu.control.setSwitches({ locationStyle, statusLink });
    const res = await pc.deviceBatches.create(CONTOSO, { batchId: batchName(), devices: [{ productKey: freshPkids(1)[0]! }] });
    expect(res.ok && res.value.trackingId).toBeTruthy();
    if (res.ok && res.value.trackingId) expect((await pollDone(res.value.trackingId)).status).toMatch(/^finished/);
  });

  it('the doc sample\'s "finished" with a failed device is still read per device', async () => {
    emu.control.setSwitches({ batchStatusWithFailures: 'finished' });
    const res = await pc.deviceBatches.create(CONTOSO, { batchId: batchName(), devices: [{ productKey: PK.unfiled }] });
    if (!res.ok || !res.value.trackingId) return expect.fail('create failed');
    const job = await pollDone(res.value.trackingId);
    expect(job).toMatchObject({ status: 'finished', devices: [{ failed: true, errorCode: '812' }] });
  });

  it('409 when the batch id exists (default); with the append variant the same POST is accepted', async () => {
    const name = batchName();
    expect(await pc.deviceBatches.create(CONTOSO, { batchId: name, devices: [{ productKey: freshPkids(1)[0]! }] })).toMatchObject({ ok: true });
    const again = await pc.deviceBatches.create(CONTOSO, { batchId: name.toLowerCase(), devices: [{ productKey: freshPkids(1)[0]! }] });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', status: 409, attempts: 1, description: expect.stringMatching(/already exists/) } });
    emu.control.setSwitches({ batchExists: 'append' });
    expect(await pc.deviceBatches.create(CONTOSO, { batchId: name, devices: [{ productKey: freshPkids(1)[0]! }] })).toMatchObject({ ok: true, meta: { status: 202 } });
  });

  it('appends to an existing batch, lists batches with devicesCount, lists devices across 3 pages, updates and deletes one', async () => {
    emu.control.setSwitches({ devicesPageSize: 2, jobAdvance: { pollsPerStep: 0, msPerStep: 0 } });
    const name = batchName();
    const pkids = freshPkids(5);
    emu.control.addRegistryDevices(pkids.map((pkid) => ({ pkid })));
    const created = await pc.deviceBatches.create(CONTOSO, { batchId: name, devices: pkids.slice(0, 2).map((productKey) => ({ productKey })) });
    expect(created.ok).toBe(true);
    const appended = await pc.deviceBatches.append(CONTOSO, name, pkids.slice(2).map((productKey) => ({ productKey })));
    expect(appended).toMatchObject({ ok: true, meta: { status: 202 } });
    const batches = await pc.deviceBatches.list(CONTOSO);
    if (!batches.ok) return expect.fail(batches.error.message);
    expect(batches.value.items.find((b) => b.id === name)).toMatchObject({ devicesCount: 5, creationDate: expect.any(String) });

    emu.control.resetRequests();
    const devices = await pc.deviceBatches.listDevices(CONTOSO, name);
    if (!devices.ok) return expect.fail(devices.error.message);
    expect(devices.value.pages).toBe(3);
    expect(devices.value.items.map((d) => d.productKey).sort()).toEqual([...pkids].sort());
    expect(new Set(emu.control.requests().map((e) => e.requestId)).size).toBe(3);

    const device = devices.value.items[0]!;
    const policy = await pc.policies.create(CONTOSO, { name: 'Skip EULA', policySettings: ['skip_eula'] });
    if (!policy.ok) return expect.fail(policy.error.message);
    const updated = await pc.deviceBatches.updateDevice(CONTOSO, name, device.id, { policies: [{ key: 'o_o_b_e', value: policy.value.id }] });
    expect(updated).toMatchObject({ ok: true, value: { id: device.id, policies: [{ key: 'o_o_b_e', value: policy.value.id }] } });

    expect(await pc.deviceBatches.deleteDevice(CONTOSO, name, device.id)).toMatchObject({ ok: true, meta: { status: 204 } });
    expect(await pc.deviceBatches.deleteDevice(CONTOSO, name, device.id)).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
    const after = await pc.deviceBatches.listDevices(CONTOSO, name);
    expect(after.ok && after.value.items).toHaveLength(4);
  });

  it('percent-encodes a batch id with spaces and slashes', async () => {
    const name = `Test batch/${randomUUID().slice(0, 4)}`;
    expect(await pc.deviceBatches.create(CONTOSO, { batchId: name, devices: [{ productKey: freshPkids(1)[0]! }] })).toMatchObject({ ok: true });
    const devices = await pc.deviceBatches.listDevices(CONTOSO, name);
    expect(devices).toMatchObject({ ok: true });
  });

  it('unknown batch, device or job: not-found', async () => {
    expect(await pc.deviceBatches.append(CONTOSO, 'no such batch', [{ productKey: PK.free[1]! }])).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await pc.deviceBatches.listDevices(CONTOSO, 'no such batch')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await pc.jobs.status(CONTOSO, randomUUID())).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
  });

  it('a tenant that is not a customer: forbidden (403) or not-found (404), as the switch says', async () => {
    expect(await pc.deviceBatches.list(OTHER_TENANT)).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    emu.control.setSwitches({ nonCustomerStatus: 404 });
    expect(await pc.deviceBatches.list(OTHER_TENANT)).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
  });

  it('an app-only token cannot create a batch (403) but may list and append', async () => {
    const appOnly = client(emu, { tokenProvider: staticTokenProvider('emulator-app-only-token') });
    expect(await appOnly.deviceBatches.create(CONTOSO, { batchId: batchName(), devices: [{ productKey: PK.free[2]! }] })).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403, attempts: 1 } });
    expect(await appOnly.deviceBatches.list(CONTOSO)).toMatchObject({ ok: true });
  });

  it('bad requests are not retried: empty devices, too many devices', async () => {
    emu.control.setSwitches({ maxDevicesPerRequest: 2 });
    expect(await pc.deviceBatches.create(CONTOSO, { batchId: batchName(), devices: [] })).toMatchObject({ ok: false, error: { kind: 'bad-request', status: 400, attempts: 1 } });
    expect(await pc.deviceBatches.create(CONTOSO, { batchId: batchName(), devices: freshPkids(3).map((productKey) => ({ productKey })) })).toMatchObject({ ok: false, error: { kind: 'bad-request', description: expect.stringMatching(/at most 2/) } });
  });

  it('reads a PascalCase, BOM-prefixed job status and device list', async () => {
    emu.control.setSwitches({ pascalCaseOutput: true, bom: true, statusLink: 'body' });
    const name = batchName();
    const res = await pc.deviceBatches.create(CONTOSO, { batchId: name, devices: [{ productKey: PK.twice }] });
    if (!res.ok || !res.value.trackingId) return expect.fail('create failed');
    const job = await pollDone(res.value.trackingId);
    expect(job.devices).toMatchObject([{ failed: true, errorCode: '813', errorDescription: 'ZtdDeviceIsNotUnique' }]);
    expect(await pc.deviceBatches.list(CONTOSO)).toMatchObject({ ok: true });
  });
});
