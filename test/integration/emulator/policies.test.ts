import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, FABRIKAM, PK, call, devicesStatus, pollDone, start, uploadAndWait } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

const policies = `/v1/customers/${CONTOSO}/policies`;
const valid = { name: 'Warehouse OOBE', category: 'o_o_b_e', description: 'skip all', policySettings: ['skip_eula', 'oobe_user_not_local_admin'] };

describe('policy CRUD', () => {
  it('creates (200), reads, lists, updates (200) and deletes (204)', async () => {
    const created = await call(emu, 'POST', policies, { body: { ...valid, attributes: { objectType: 'ConfigurationPolicy' } } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ ...valid, devicesAssigned: 0, attributes: { objectType: 'ConfigurationPolicy' } });
    const id = String(created.json.id);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.json.createdDate).toBe(created.json.lastModifiedDate);
    expect((await call(emu, 'GET', `${policies}/${id}`)).json.name).toBe('Warehouse OOBE');
    expect((await call(emu, 'GET', policies)).json.items).toHaveLength(1);
    const put = await call(emu, 'PUT', `${policies}/${id}`, { body: { Id: id, Name: 'Renamed', Category: 'o_o_b_e', PolicySettings: ['none'] } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ name: 'Renamed', policySettings: ['none'] });
    expect((await call(emu, 'DELETE', `${policies}/${id}`)).status).toBe(204);
    expect((await call(emu, 'GET', `${policies}/${id}`)).status).toBe(404);
    expect((await call(emu, 'PUT', `${policies}/${id}`, { body: valid })).status).toBe(404);
    expect((await call(emu, 'DELETE', `${policies}/${id}`)).status).toBe(404);
  });

  it.each([
    ['a missing name', { ...valid, name: '' }],
    ['a wrong category', { ...valid, category: 'oobe' }],
    ['an unknown setting', { ...valid, policySettings: ['skip_everything'] }],
    ['missing settings', { name: 'x', category: 'o_o_b_e' }],
  ])('400 for %s', async (_name, body) => {
    expect((await call(emu, 'POST', policies, { body })).status).toBe(400);
  });

  it('refuses to change a policy id and hides other customers\' policies', async () => {
    const id = String((await call(emu, 'POST', policies, { body: valid })).json.id);
    expect((await call(emu, 'PUT', `${policies}/${id}`, { body: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(400);
    expect((await call(emu, 'GET', `/v1/customers/${FABRIKAM}/policies/${id}`)).status).toBe(404);
  });
});

describe('DevicePolicyUpdates', () => {
  it('202 + Location; the job assigns policies, 809 for unknown policy, 807 for a device not in the tenant', async () => {
    const upload = await uploadAndWait(emu, [{ productKey: PK.free[0] }], 'pol');
    const deviceId = devicesStatus(upload)[0]?.deviceId ?? '';
    const policyId = String((await call(emu, 'POST', policies, { body: valid })).json.id);
    const res = await call(emu, 'PATCH', `/v1/customers/${CONTOSO}/DevicePolicyUpdates`, {
      body: {
        devices: [
          { id: deviceId, policies: [{ key: 'o_o_b_e', value: policyId }] },
          { id: deviceId, policies: [{ key: 'o_o_b_e', value: '00000000-0000-4000-8000-000000000009' }] },
          { id: '00000000-0000-4000-8000-000000000007', policies: [{ key: 'o_o_b_e', value: policyId }] },
        ],
        attributes: { objectType: 'DevicePolicyUpdateRequest' },
      },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/\/batchJobStatus\//);
    const job = await pollDone(emu, res.headers.get('location') ?? '');
    expect(devicesStatus(job).map((d) => d.errorCode)).toEqual([null, '809', '807']);
    expect(job.status).toBe('finished_with_errors');
    const devices = await call(emu, 'GET', `/v1/customers/${CONTOSO}/deviceBatches/pol/devices`);
    expect(devices.json.items?.[0]?.policies).toEqual([{ key: 'o_o_b_e', value: policyId }]);
    expect((await call(emu, 'GET', `${policies}/${policyId}`)).json.devicesAssigned).toBe(1);
    await call(emu, 'DELETE', `${policies}/${policyId}`);
    const after = await call(emu, 'GET', `/v1/customers/${CONTOSO}/deviceBatches/pol/devices`);
    expect(after.json.items?.[0]?.policies).toEqual([]);
  });

  it('PUT on a device assigns a policy too; unknown policy is refused with code 809', async () => {
    const upload = await uploadAndWait(emu, [{ productKey: PK.free[0] }], 'put');
    const deviceId = devicesStatus(upload)[0]?.deviceId ?? '';
    const policyId = String((await call(emu, 'POST', policies, { body: valid })).json.id);
    const url = `/v1/customers/${CONTOSO}/deviceBatches/put/devices/${deviceId}`;
    const ok = await call(emu, 'PUT', url, { body: { policies: [{ key: 'o_o_b_e', value: policyId }] } });
    expect(ok.json.policies).toEqual([{ key: 'o_o_b_e', value: policyId }]);
    const bad = await call(emu, 'PUT', url, { body: { policies: [{ key: 'o_o_b_e', value: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(809);
  });

  it('400 for an empty device list', async () => {
    expect((await call(emu, 'PATCH', `/v1/customers/${CONTOSO}/devicepolicyupdates`, { body: { devices: [] } })).status).toBe(400);
  });
});
