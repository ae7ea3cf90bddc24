// The emulator's identities as the demo seed sets them up: tuples matched case-sensitively, damaged
// hashes refused with 802, and the devices it received readable over the HTTP control routes.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../electron/practice/emulator/index';
import { call, devicesStatus, fullHash, pollDone } from './helpers';

const SEED = 'electron/practice/emulator/seeds/demo.json';
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function upload(e: RunningEmulator, devices: unknown[], batchId: string) {
  const res = await call(e, 'POST', `/v1/customers/${CONTOSO}/deviceBatches`, { body: { batchId, devices }, headers: { 'MS-RequestId': `req-${batchId}` } });
  expect(res.status).toBe(202);
  return devicesStatus(await pollDone(e, res.headers.get('location') ?? ''));
}

describe('demo seed identities', () => {
  it('registers the two e2e tuples as filed, and refuses the Dell one sent as DELL INC. with 812', async () => {
    emu = await startEmulator({ seedFile: SEED });
    const statuses = await upload(emu, [
      { serialNumber: '9ZB4K73', oemManufacturerName: 'DELL INC.', modelName: 'Latitude 5440' },
      { serialNumber: '5CG4210XYZ', oemManufacturerName: 'HP', modelName: 'HP EliteBook 840 14 inch G10 Notebook PC' },
      { serialNumber: '9ZB4K73', oemManufacturerName: 'Dell Inc.', modelName: 'Latitude 5440' },
      { serialNumber: '9ZB4K73', oemManufacturerName: 'Dell Inc.', modelName: 'latitude 5440' },
    ], 'Tuples');
    expect(statuses.map((s) => s.errorCode)).toEqual(['812', null, null, '812']);
    expect(statuses[0]).toMatchObject({ errorDescription: 'ZtdDeviceNotFound', status: 'finished_with_errors' });
  });

  it('refuses the seeded damaged hash with 802 though it is well-formed, and registers an unknown full hash', async () => {
    emu = await startEmulator({ seedFile: SEED });
    const damaged = emu.control.registry().find((r) => r.damaged)?.hash ?? '';
    expect(Buffer.from(damaged, 'base64').length).toBeGreaterThanOrEqual(1024);
    const good = fullHash();
    const statuses = await upload(emu, [{ hardwareHash: damaged, serialNumber: 'DMG0HASH1' }, { hardwareHash: good, serialNumber: 'GOOD0001' }], 'Hashes');
    expect(statuses.map((s) => [s.errorCode, s.errorDescription])).toEqual([['802', 'InvalidZtdHardwareHash'], [null, null]]);
  });

  it('marks a registry entry damaged through the control route, and lists received devices over HTTP', async () => {
    emu = await startEmulator({ seedFile: SEED });
    const hash = fullHash();
    const added = await fetch(`${emu.url}/_emulator/registry`, { method: 'POST', body: JSON.stringify({ hash, serial: 'CTRL0001', damaged: true }) });
    expect(added.status).toBe(200);
    const statuses = await upload(emu, [{ HardwareHash: hash, SerialNumber: 'CTRL0001', ModelName: null }, { productKey: '3327805504064' }], 'Control');
    expect(statuses.map((s) => s.errorCode)).toEqual(['802', null]);
    const received = (await (await fetch(`${emu.url}/_emulator/received`)).json()) as { batchId: string; requestId: string; device: Record<string, string> }[];
    expect(received.map((r) => r.device)).toEqual([{ hardwareHash: hash, serialNumber: 'CTRL0001' }, { productKey: '3327805504064' }]);
    expect(received.every((r) => r.batchId === 'Control' && r.requestId === 'req-Control')).toBe(true);
    await fetch(`${emu.url}/_emulator/requests/reset`, { method: 'POST' });
    expect(await (await fetch(`${emu.url}/_emulator/received`)).json()).toEqual([]);
  });
});
