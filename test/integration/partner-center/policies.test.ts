import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { CONTOSO, PK, client, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ switches: { jobAdvance: { pollsPerStep: 0, msPerStep: 0 } } });
});
afterAll(() => emu.close());

describe('policies', () => {
  it('create, get, list, update (PUT), assign with DevicePolicyUpdates, delete', async () => {
    const pc = client(emu);
    const created = await pc.policies.create(CONTOSO, { name: 'Warehouse default', description: 'd', policySettings: ['skip_eula', 'remove_oem_preinstalls'] });
    if (!created.ok) return expect.fail(created.error.message);
    expect(created.value).toMatchObject({ name: 'Warehouse default', category: 'o_o_b_e', devicesAssigned: 0, policySettings: ['skip_eula', 'remove_oem_preinstalls'] });
    const id = created.value.id;
    expect(await pc.policies.get(CONTOSO, id)).toMatchObject({ ok: true, value: { id } });
    const list = await pc.policies.list(CONTOSO);
    expect(list.ok && list.value.items.map((p) => p.id)).toContain(id);
    expect(await pc.policies.update(CONTOSO, id, { name: 'Renamed', policySettings: ['skip_express_settings'] })).toMatchObject({ ok: true, value: { name: 'Renamed', policySettings: ['skip_express_settings'] } });

    const batch = `P ${randomUUID().slice(0, 6)}`;
    const up = await pc.deviceBatches.create(CONTOSO, { batchId: batch, devices: [{ productKey: PK.free[3]! }] });
    expect(up.ok).toBe(true);
    const devices = await pc.deviceBatches.listDevices(CONTOSO, batch);
    if (!devices.ok) return expect.fail(devices.error.message);
    const deviceId = devices.value.items[0]!.id;
    const assigned = await pc.policies.assign(CONTOSO, [{ id: deviceId, policies: [{ key: 'o_o_b_e', value: id }] }, { id: randomUUID(), policies: [{ key: 'o_o_b_e', value: id }] }]);
    if (!assigned.ok || !assigned.value.trackingId) return expect.fail('assign failed');
    const job = await pc.jobs.status(CONTOSO, assigned.value.trackingId);
    expect(job).toMatchObject({ ok: true, value: { done: true, devices: [{ deviceId, failed: false }, { failed: true, errorCode: '807' }] } });
    expect(await pc.policies.get(CONTOSO, id)).toMatchObject({ ok: true, value: { devicesAssigned: 1 } });

    expect(await pc.policies.delete(CONTOSO, id)).toMatchObject({ ok: true, meta: { status: 204 } });
    expect(await pc.policies.get(CONTOSO, id)).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
  });

  it('a sales agent may not write profiles (403); a bad setting is a bad request', async () => {
    const sales = client(emu, { tokenProvider: staticTokenProvider('emulator-sales-agent-token') });
    expect(await sales.policies.create(CONTOSO, { name: 'x', policySettings: ['none'] })).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    expect(await sales.policies.list(CONTOSO)).toMatchObject({ ok: true });
    const bad = await client(emu).policies.create(CONTOSO, { name: 'x', policySettings: ['skip_everything' as never] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'bad-request', status: 400 } });
  });
});
