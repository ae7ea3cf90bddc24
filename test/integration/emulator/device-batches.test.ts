import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, PK, TUPLE, call, createBatch, devicesStatus, fullHash, pollDone, start, uploadAndWait } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

const batches = `/v1/customers/${CONTOSO}/deviceBatches`;

describe('POST deviceBatches validation', () => {
  it.each([
    ['an empty batchId', { batchId: ' ', devices: [{ productKey: PK.free[0] }] }],
    ['missing devices', { batchId: 'x' }],
    ['empty devices', { batchId: 'x', devices: [] }],
    ['no body', undefined],
  ])('400 for %s', async (_name, body) => {
    const res = await call(emu, 'POST', batches, { body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, source: 'PartnerFD' });
    expect(emu.control.stats().batches).toBe(0);
  });

  it('400 above maxDevicesPerRequest (default 500, switchable)', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ productKey: String(3400000000000 + i) }));
    expect((await createBatch(emu, many)).status).toBe(400);
    emu.control.setSwitches({ maxDevicesPerRequest: 2 });
    expect((await createBatch(emu, many.slice(0, 3))).status).toBe(400);
    expect((await createBatch(emu, many.slice(0, 2))).status).toBe(202);
  });

  it('202 with an empty body and a relative Location to the job', async () => {
    const res = await createBatch(emu, [{ productKey: PK.free[0] }]);
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    expect(res.headers.get('location')).toMatch(new RegExp(`^/customers/${CONTOSO}/batchJobStatus/[0-9a-f-]{36}$`));
  });

  it('409 when the batch id exists (case-insensitively); append switch adds to it instead', async () => {
    await uploadAndWait(emu, [{ productKey: PK.free[0] }], 'PO-1');
    expect((await createBatch(emu, [{ productKey: PK.free[1] }], 'po-1')).status).toBe(409);
    emu.control.setSwitches({ batchExists: 'append' });
    const res = await createBatch(emu, [{ productKey: PK.free[1] }], 'po-1');
    expect(res.status).toBe(202);
    await pollDone(emu, res.headers.get('location') ?? '');
    const list = await call(emu, 'GET', batches);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items?.[0]).toMatchObject({ id: 'PO-1', devicesCount: 2 });
  });
});

describe('append', () => {
  it('POST .../{batchId}/devices adds to an existing batch; unknown batch is 404', async () => {
    await uploadAndWait(emu, [{ productKey: PK.free[0] }], 'Test batch');
    const res = await call(emu, 'POST', `${batches}/${encodeURIComponent('Test batch')}/devices`, { body: [{ productKey: PK.free[1] }] });
    expect(res.status).toBe(202);
    const job = await pollDone(emu, res.headers.get('location') ?? '');
    expect(job.status).toBe('finished');
    expect((await call(emu, 'GET', batches)).json.items?.[0]).toMatchObject({ id: 'Test batch', devicesCount: 2 });
    expect((await call(emu, 'POST', `${batches}/nope/devices`, { body: [{ productKey: PK.free[2] }] })).status).toBe(404);
    expect((await call(emu, 'POST', `${batches}/${encodeURIComponent('Test batch')}/devices`, { body: [] })).status).toBe(400);
  });
});

describe('per-device outcomes', () => {
  it('decides every error code and success', async () => {
    emu.control.addRegistryDevices([{ pkid: '3300000000999', ownerTenant: null }]);
    const devices = [
      { productKey: PK.free[0] },
      { serialNumber: 'ONLY-SERIAL' },
      { hardwareHash: 'not base64!' },
      { hardwareHash: Buffer.alloc(16).toString('base64') },
      { productKey: PK.unfiled },
      { ...TUPLE, oemManufacturerName: 'DELL INC.' },
      { productKey: PK.ownedByContoso },
      { productKey: PK.free[0] },
      { productKey: PK.otherTenant },
      { productKey: PK.twice },
      TUPLE,
      { hardwareHash: fullHash() },
    ];
    const job = await uploadAndWait(emu, devices);
    const codes = devicesStatus(job).map((d) => d.errorCode);
    expect(codes).toEqual([null, '803', '802', '802', '812', '812', '806', '806', '808', '813', null, null]);
    expect(devicesStatus(job)[8]).toMatchObject({ status: 'finished_with_errors', errorDescription: 'ZtdDeviceAssignedToOtherTenant' });
    expect(devicesStatus(job)[0]).toMatchObject({ status: 'finished', productKey: PK.free[0], errorDescription: null });
    expect(devicesStatus(job)[0]?.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(job.status).toBe('finished_with_errors');
    const registered = emu.control.registrations().map((r) => r.identity);
    expect(registered).toContain(`pkid:${PK.free[0]}`);
    expect(registered).toContain(`tuple:Dell Inc.|Latitude 5440|${TUPLE.serialNumber}`);
    expect(emu.control.stats().registrations).toBe(3);
    expect(emu.control.duplicates()).toEqual([]);
  });

  it('806 for a device this customer already registered, with its device id', async () => {
    const first = await uploadAndWait(emu, [{ productKey: PK.free[0] }]);
    const again = await uploadAndWait(emu, [{ productKey: PK.free[0] }]);
    expect(devicesStatus(again)[0]).toMatchObject({ errorCode: '806', deviceId: devicesStatus(first)[0]?.deviceId });
    expect(emu.control.registrations()).toEqual([{ identity: `pkid:${PK.free[0]}`, count: 1 }]);
  });

  it('batchStatusWithFailures=finished mimics the doc sample', async () => {
    emu.control.setSwitches({ batchStatusWithFailures: 'finished' });
    const job = await uploadAndWait(emu, [{ productKey: PK.otherTenant }]);
    expect(job.status).toBe('finished');
    expect(devicesStatus(job)[0]?.errorCode).toBe('808');
  });
});

describe('listing, update, delete', () => {
  it('lists batches with devicesLink and devices with all fields', async () => {
    const job = await uploadAndWait(emu, [{ productKey: PK.free[0] }, TUPLE], 'list-me');
    const list = await call(emu, 'GET', batches);
    const batch = list.json.items?.[0] as { devicesLink: { uri: string; method: string } };
    expect(list.json.items?.[0]).toMatchObject({ id: 'list-me', devicesCount: 2, attributes: { objectType: 'DeviceBatch' } });
    expect(batch.devicesLink).toEqual({ uri: `/customers/${CONTOSO}/deviceBatches/list-me/devices`, method: 'GET', headers: [] });
    const devices = await call(emu, 'GET', `/v1${batch.devicesLink.uri}`);
    expect(devices.json.items).toHaveLength(2);
    expect(devices.json.items?.[1]).toMatchObject({
      id: devicesStatus(job)[1]?.deviceId, serialNumber: TUPLE.serialNumber, oemManufacturerName: 'Dell Inc.', modelName: 'Latitude 5440',
      policies: [], attributes: { objectType: 'Device' },
    });
    expect(Date.parse(String(devices.json.items?.[0]?.uploadedDate))).not.toBeNaN();
  });

  it('pages devices 100 at a time through MS-ContinuationToken', async () => {
    const pkids = Array.from({ length: 250 }, (_, i) => String(3500000000000 + i));
    emu.control.addRegistryDevices(pkids.map((pkid) => ({ pkid })));
    await uploadAndWait(emu, pkids.map((productKey) => ({ productKey })), 'big');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await call(emu, 'GET', `${batches}/big/devices`, { headers: token ? { 'MS-ContinuationToken': token } : {} });
      expect(res.status).toBe(200);
      seen.push(...(res.json.items ?? []).map((d) => String(d.productKey)));
      token = res.json.continuationToken as string | undefined;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(pkids);
    const bad = await call(emu, 'GET', `${batches}/big/devices`, { headers: { 'MS-ContinuationToken': 'bogus' } });
    expect(bad.status).toBe(400);
    expect((await call(emu, 'GET', `${batches}/missing/devices`)).status).toBe(404);
  });

  it('PUT a device answers 200; DELETE answers 204 and frees the device for re-registration', async () => {
    const job = await uploadAndWait(emu, [{ productKey: PK.free[0] }], 'del');
    const id = devicesStatus(job)[0]?.deviceId ?? '';
    const put = await call(emu, 'PUT', `${batches}/del/devices/${id}`, { body: { id, productKey: PK.free[0] } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ id, productKey: PK.free[0] });
    expect((await call(emu, 'DELETE', `${batches}/del/devices/${id}`)).status).toBe(204);
    expect((await call(emu, 'DELETE', `${batches}/del/devices/${id}`)).status).toBe(404);
    expect((await call(emu, 'PUT', `${batches}/del/devices/${id}`, { body: {} })).status).toBe(404);
    expect((await call(emu, 'GET', batches)).json.items?.[0]?.devicesCount).toBe(0);
    expect(emu.control.registry().find((r) => r.pkid === PK.free[0])?.ownerTenant).toBeNull();
    const again = await uploadAndWait(emu, [{ productKey: PK.free[0] }]);
    expect(devicesStatus(again)[0]?.errorCode).toBeNull();
    expect(emu.control.duplicates()).toEqual([{ identity: `pkid:${PK.free[0]}`, count: 2 }]);
  });
});
