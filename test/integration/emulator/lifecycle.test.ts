// The emulator's model of what issue 16 found the real service doing: batch ids matched exactly in
// paths (inferred), hash-only devices without an id in the job status (inferred), the batch list's
// status, and DELETE of a device (204; unknown id 404; the hardware free to register again).
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, PK, call, createBatch, devicesStatus, fullHash, pollDone, start } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

const batches = `/v1/customers/${CONTOSO}/deviceBatches`;
const loc = (res: { headers: Headers }) => res.headers.get('location') ?? '';

describe('batch ids in paths', () => {
  it('are matched exactly by default: another casing is 404 on append and list, yet create still answers 409', async () => {
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'PO-4711')).status).toBe(202);
    expect((await call(emu, 'POST', `${batches}/po-4711/devices`, { body: [{ productKey: PK.free[1] }] })).status).toBe(404);
    expect((await call(emu, 'GET', `${batches}/po-4711/devices`)).status).toBe(404);
    expect((await createBatch(emu, [{ productKey: PK.free[1] }], 'po-4711')).status).toBe(409);
    expect((await call(emu, 'POST', `${batches}/PO-4711/devices`, { body: [{ productKey: PK.free[1] }] })).status).toBe(202);
  });

  it('are matched in any casing with batchIdMatching case-insensitive', async () => {
    emu.control.setSwitches({ batchIdMatching: 'case-insensitive' });
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'PO-4711')).status).toBe(202);
    expect((await call(emu, 'POST', `${batches}/po-4711/devices`, { body: [{ productKey: PK.free[1] }] })).status).toBe(202);
  });
});

describe('job status device ids', () => {
  it('omit deviceId for a device sent by hash alone (default), keep it for PKIDs', async () => {
    const res = await createBatch(emu, [{ hardwareHash: fullHash() }, { productKey: PK.free[0] }], 'hashes');
    const job = await pollDone(emu, res.headers.get('location') ?? '');
    const [hashOnly, byPkid] = devicesStatus(job);
    expect(hashOnly).not.toHaveProperty('deviceId');
    expect(hashOnly).toMatchObject({ status: 'finished', errorCode: null });
    expect(byPkid).toMatchObject({ deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // The device is there all the same: the batch's device list names it with its id and hash.
    const listed = await call(emu, 'GET', `${batches}/hashes/devices`);
    expect(listed.json.items).toHaveLength(2);
  });

  it.each([['always', 2], ['never', 0]] as const)('statusDeviceIds %s: %i ids', async (mode, ids) => {
    emu.control.setSwitches({ statusDeviceIds: mode });
    const job = await pollDone(emu, loc(await createBatch(emu, [{ hardwareHash: fullHash() }, { productKey: PK.free[0] }], 'ids')));
    expect(devicesStatus(job).filter((d) => typeof d.deviceId === 'string')).toHaveLength(ids);
  });
});

describe('batch list', () => {
  it('shows each batch with devicesCount and the status of its newest job', async () => {
    emu.control.setSwitches({ stuckJobs: true });
    await createBatch(emu, [{ productKey: PK.free[0] }], 'slow');
    await call(emu, 'GET', batches);
    const listed = await call(emu, 'GET', batches);
    expect(listed.json.items?.[0]).toMatchObject({ id: 'slow', status: expect.stringMatching(/queued|processing/), devicesCount: 0 });
    emu.control.completeJobs();
    const done = await call(emu, 'GET', batches);
    expect(done.json.items?.[0]).toMatchObject({ id: 'slow', status: 'finished', devicesCount: 1 });
  });
});

describe('DELETE a device', () => {
  it('204 with no body; the device leaves the batch; the same PKID registers again; an unknown id is 404', async () => {
    await pollDone(emu, loc(await createBatch(emu, [{ productKey: PK.free[0] }], 'returns')));
    const listed = await call(emu, 'GET', `${batches}/returns/devices`);
    const id = String(listed.json.items?.[0]?.id);
    const deleted = await call(emu, 'DELETE', `${batches}/returns/devices/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await call(emu, 'GET', `${batches}/returns/devices`)).json.items).toHaveLength(0);
    expect((await call(emu, 'DELETE', `${batches}/returns/devices/${id}`)).status).toBe(404);
    expect((await call(emu, 'DELETE', `${batches}/RETURNS/devices/${id}`)).status).toBe(404);
    const again = await pollDone(emu, loc(await call(emu, 'POST', `${batches}/returns/devices`, { body: [{ productKey: PK.free[0] }] })));
    expect(devicesStatus(again)[0]).toMatchObject({ status: 'finished', errorCode: null });
  });
});
