// Autopilot profiles through the real dispatcher, against the emulator: list, assign to a batch's
// registered devices with per-device results, and the plain-language answer for an unknown profile.
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { CUSTOMER, filedPkids, syncWorld, TOKEN, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
let station: Station | undefined;
afterEach(async () => {
  station?.close();
  await w?.close();
});

async function registeredBatch(): Promise<{ batchId: number; lead: string }> {
  w = await syncWorld({ filed: 4 });
  const batchId = w.approvedBatch('Profiled', filedPkids(4));
  await w.engine.runUntilSettled({ timeoutMs: 10_000 });
  w.t.station.close();
  // The same data folder, opened the way a front door does, with Partner Center set up.
  station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
  const signIn = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
  return { batchId, lead: signIn.ok ? signIn.value.token : '' };
}

describe('profiles', () => {
  it("lists the customer's profiles with the Intune note, and assigns one to every registered device", async () => {
    const { batchId, lead } = await registeredBatch();
    const created = await w!.client.policies.create(CUSTOMER, { name: 'Dock default', policySettings: ['skip_eula'] });
    expect(created.ok).toBe(true);
    const policyId = created.ok ? created.value.id : '';
    const listed = await station!.call('profiles:list', { customerTenantId: CUSTOMER }, { sessionToken: lead });
    expect(listed).toMatchObject({ ok: true, value: { profiles: [{ id: policyId, name: 'Dock default' }], note: expect.stringMatching(/Intune are not visible/) } });
    const assigned = await station!.call('profiles:assign', { batchId, policyId }, { sessionToken: lead });
    expect(assigned).toEqual({ ok: true, value: { assigned: 4, skipped: 0, failed: [], stillRunning: 0 } });
    const rows = station!.database.sqlite.prepare('SELECT DISTINCT profile_id AS p FROM devices WHERE batch_id = ?').all(batchId);
    expect(rows).toEqual([{ p: policyId }]);
  });

  it('explains 809 for a profile the customer does not have, per device', async () => {
    const { batchId, lead } = await registeredBatch();
    const result = await station!.call('profiles:assign', { batchId, policyId: 'no-such-profile' }, { sessionToken: lead });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.assigned).toBe(0);
    expect(result.value.failed).toHaveLength(4);
    expect(result.value.failed[0]).toMatchObject({ code: '809', action: expect.stringMatching(/existing profile/) });
  });
});
