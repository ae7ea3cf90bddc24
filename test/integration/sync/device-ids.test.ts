// Devices a job status does not name (issue 16, item 2), 806 from a device the customer added itself
// (item 4), and profiles unassigned / still waiting (item 6): through the real dispatcher, against the
// emulator, which omits ids in job statuses for hash-only uploads (inferred, as the service does).
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import type { SwitchesPatch } from '../../../electron/practice/emulator/switches';
import type { RegistrySeed } from '../../../electron/practice/emulator';
import type { IdentityFields } from '../../../shared/domain/identity';
import { CUSTOMER, filedPkids, syncWorld, TOKEN, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
let station: Station | undefined;
afterEach(async () => {
  station?.close();
  await w?.close();
  w = station = undefined;
});

const hash = () => randomBytes(3000).toString('base64');

async function registered(devices: Partial<IdentityFields>[], opts: { switches?: SwitchesPatch; registry?: RegistrySeed[]; filed?: number } = {}) {
  w = await syncWorld(opts);
  const batchId = w.approvedDevices('Ids', devices);
  await w.engine.runUntilSettled({ timeoutMs: 10_000 });
  w.t.station.close();
  station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
  const signIn = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
  return { batchId, lead: signIn.ok ? signIn.value.token : '' };
}

const rows = (batchId: number) => station!.database.sqlite.prepare('SELECT state, remote_device_id AS remote, error_code AS code, profile_id AS profile FROM devices WHERE batch_id = ? ORDER BY id').all(batchId) as { state: string; remote: string | null; code: string | null; profile: string | null }[];

describe('hash-only devices (no deviceId in the job status)', () => {
  it('get their Partner Center id from the batch device list, and take a profile', async () => {
    const { batchId, lead } = await registered([{ hardwareHash: hash() }, { hardwareHash: hash() }, { pkid: filedPkids(1)[0] ?? '' }], { filed: 1 });
    const ids = rows(batchId);
    expect(ids.map((r) => r.state)).toEqual(['registered', 'registered', 'registered']);
    expect(ids.every((r) => typeof r.remote === 'string' && r.remote.length === 36)).toBe(true);
    expect(new Set(ids.map((r) => r.remote)).size).toBe(3);
    const policy = await w!.client.policies.create(CUSTOMER, { name: 'Dock', policySettings: ['skip_eula'] });
    const policyId = policy.ok ? policy.value.id : '';
    expect(await station!.call('profiles:assign', { batchId, policyId }, { sessionToken: lead })).toEqual({ ok: true, value: { assigned: 3, skipped: 0, failed: [], stillRunning: 0 } });
    expect(await station!.call('profiles:waiting', { batchId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { registered: 3, withProfile: 3, waitingCount: 0 } });
  });

  it('are still found when the ids were lost (an upload from before): assigning looks them up first', async () => {
    const { batchId, lead } = await registered([{ hardwareHash: hash() }]);
    station!.database.sqlite.prepare('UPDATE devices SET remote_device_id = NULL WHERE batch_id = ?').run(batchId);
    const policy = await w!.client.policies.create(CUSTOMER, { name: 'Dock', policySettings: [] });
    const result = await station!.call('profiles:assign', { batchId, policyId: policy.ok ? policy.value.id : '' }, { sessionToken: lead });
    expect(result).toMatchObject({ ok: true, value: { assigned: 1, skipped: 0 } });
  });
});

describe('profiles: unassign, and who still waits', () => {
  it('unassigns (no profile on the Partner Center devices), and lists every device as waiting again', async () => {
    const { batchId, lead } = await registered(filedPkids(2).map((pkid) => ({ pkid })), { filed: 2 });
    const policy = await w!.client.policies.create(CUSTOMER, { name: 'Dock', policySettings: [] });
    const policyId = policy.ok ? policy.value.id : '';
    expect(await station!.call('profiles:waiting', { batchId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { waitingCount: 2, waiting: [{ reason: 'No profile assigned yet.', manageable: true }, {}] } });
    await station!.call('profiles:assign', { batchId, policyId }, { sessionToken: lead });
    const un = await station!.call('profiles:assign', { batchId, policyId: null }, { sessionToken: lead });
    expect(un).toMatchObject({ ok: true, value: { assigned: 2, failed: [] } });
    expect(rows(batchId).map((r) => r.profile)).toEqual([null, null]);
    const remote = await w!.client.deviceBatches.listDevices(CUSTOMER, 'Ids');
    expect(remote.ok && remote.value.items.map((d) => d.policies)).toEqual([[], []]);
    expect(await station!.call('profiles:waiting', { batchId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { withProfile: 0, waitingCount: 2 } });
    const audit = station!.database.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'profiles:unassign'").get() as { n: number };
    expect(audit.n).toBe(1);
  });
});

describe('806', () => {
  it("tells a device the customer added itself (not in the partner's batches) from one the partner holds", async () => {
    const customerAdded = '3300000000031';
    const [partnerHeld, fresh] = filedPkids(2);
    w = await syncWorld({ filed: 2, registry: [{ pkid: customerAdded, ownerTenant: CUSTOMER }], switches: { statusDeviceIds: 'never' } });
    const earlier = await w.client.deviceBatches.create(CUSTOMER, { batchId: 'Earlier', devices: [{ productKey: partnerHeld ?? '' }] });
    expect(earlier.ok).toBe(true);
    w.emu.control.completeJobs();
    // The inventory look before the upload would flag the partner's device: make it miss (stale view).
    const original = w.client.deviceBatches.listDevices;
    let calls = 0;
    w.client.deviceBatches.listDevices = async (cid, b, o) => {
      const r = await original(cid, b, o);
      return calls++ === 0 && r.ok ? { ...r, value: { ...r.value, items: [] } } : r;
    };
    const batchId = w.approvedBatch('Both806', [customerAdded, partnerHeld ?? '', fresh ?? '']);
    await w.engine.runUntilSettled({ timeoutMs: 10_000 });
    const got = w.t.station.database.sqlite.prepare('SELECT pkid, state, error_code AS code, error_text AS text, remote_device_id AS remote FROM devices WHERE batch_id = ? ORDER BY id').all(batchId) as { pkid: string; state: string; code: string | null; text: string | null; remote: string | null }[];
    expect(got[0]).toMatchObject({ state: 'registered', code: '806-customer', remote: null, text: expect.stringMatching(/customer itself.*cannot assign its profile or deregister/) });
    expect(got[1]).toMatchObject({ state: 'registered', code: '806', remote: expect.stringMatching(/^[0-9a-f-]{36}$/), text: expect.stringMatching(/by this partner/) });
    expect(got[2]).toMatchObject({ state: 'registered', code: null, remote: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});
