// profiles:assign for the ticked devices only (deviceIds), unassigning (policyId null), and
// profiles:waiting counting the devices left without a profile. Real dispatcher, real emulator.
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
  w = station = undefined;
});

describe('profiles for ticked devices', () => {
  it('assigns to all, unassigns only the ticked one, and the waiting count follows', async () => {
    w = await syncWorld({ filed: 3 });
    const batchId = w.approvedBatch('Ticked', filedPkids(3));
    await w.engine.runUntilSettled({ timeoutMs: 10_000 });
    w.t.station.close();
    station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
    const signIn = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
    const lead = signIn.ok ? signIn.value.token : '';
    const created = await w.client.policies.create(CUSTOMER, { name: 'Dock default', policySettings: [] });
    const policyId = created.ok ? created.value.id : '';
    expect(await station.call('profiles:waiting', { batchId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { registered: 3, withProfile: 0, waitingCount: 3 } });
    expect(await station.call('profiles:assign', { batchId, policyId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { assigned: 3 } });
    const [first] = station.database.sqlite.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id').all(batchId) as { id: number }[];
    const un = await station.call('profiles:assign', { batchId, policyId: null, deviceIds: [first?.id ?? -1] }, { sessionToken: lead });
    expect(un).toEqual({ ok: true, value: { assigned: 1, skipped: 0, failed: [], stillRunning: 0 } });
    const waiting = await station.call('profiles:waiting', { batchId }, { sessionToken: lead });
    expect(waiting).toMatchObject({ ok: true, value: { registered: 3, withProfile: 2, waitingCount: 1, waiting: [{ deviceId: first?.id }] } });
    const audit = station.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'profiles:unassign'").all() as { detail: string }[];
    expect(audit).toHaveLength(1);
  });
});
