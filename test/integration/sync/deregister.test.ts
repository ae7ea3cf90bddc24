// Deregister and move (issue 16, item 5), through the real dispatcher, against the emulator's DELETE
// (204; unknown id 404). Exactly once: a crash between the DELETE and its local record reconciles
// against the batch's device list instead of deleting twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { processDeregistrations } from '../../../electron/core/sync/deregister';
import { syncContextFor } from '../../../electron/core/sync/sync-context';
import { CUSTOMER, filedPkids, syncWorld, TOKEN, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
let station: Station | undefined;
afterEach(async () => {
  station?.close();
  await w?.close();
  w = station = undefined;
});

async function uploaded(count: number) {
  w = await syncWorld({ filed: count });
  const batchId = w.approvedBatch('Returns', filedPkids(count));
  await w.engine.runUntilSettled({ timeoutMs: 10_000 });
  w.t.station.close();
  station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
  return batchId;
}
async function adminToken(): Promise<string> {
  const r = await station!.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
  return r.ok ? r.value.token : '';
}
const remoteCount = async () => {
  const r = await w!.client.deviceBatches.listDevices(CUSTOMER, 'Returns');
  return r.ok ? r.value.items.length : -1;
};
const deletes = () => w!.emu.control.requests().filter((r) => r.method === 'DELETE');

describe('deregister', () => {
  it('one device by PKID, with a reason: DELETE 204, the device removed locally, and audited; the batch stays registered', async () => {
    const batchId = await uploaded(3);
    const lena = await signInSecondLead();
    const [pkid] = filedPkids(1);
    const res = await station!.call('devices:deregister', { identifier: pkid, reason: 'customer return RMA-1' }, { sessionToken: lena });
    expect(res).toEqual({ ok: true, value: { requested: 1, deregistered: 1, failed: [], pending: 0, movedToBatchId: null } });
    expect(await remoteCount()).toBe(2);
    expect(deletes().map((r) => r.status)).toEqual([204]);
    const row = station!.database.sqlite.prepare('SELECT removed_at, removed_reason, error_code FROM devices WHERE pkid = ? ORDER BY id LIMIT 1').get(pkid) as { removed_at: number | null; removed_reason: string; error_code: string };
    expect(row).toMatchObject({ removed_at: expect.any(Number), removed_reason: 'deregistered from Autopilot: customer return RMA-1', error_code: 'deregistered' });
    const audit = station!.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'devices:deregistered'").all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ how: 'deleted', reason: 'customer return RMA-1', pkid });
    expect((station!.database.sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(batchId) as { state: string }).state).toBe('registered');
  });

  it('is refused to the lead who scanned the batch (the approval two-person rule), and needs a reason', async () => {
    await uploaded(2);
    const ada = await adminToken();
    const refused = await station!.call('devices:deregister', { batchId: 1, reason: 'wrong customer' }, { sessionToken: ada });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/another lead must remove/) } });
    expect(await station!.call('devices:deregister', { batchId: 1, reason: 'x' }, { sessionToken: ada })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(deletes()).toHaveLength(0);
  });

  it('a whole batch, moved to another customer: removed remotely, the boxes continue in a new open batch', async () => {
    const batchId = await uploaded(3);
    const lena = await signInSecondLead();
    const res = await station!.call('devices:deregister', { batchId, reason: 'wrong customer', moveToBatchName: 'Returns for Fabrikam' }, { sessionToken: lena });
    expect(res).toMatchObject({ ok: true, value: { requested: 3, deregistered: 3, movedToBatchId: expect.any(Number) } });
    expect(await remoteCount()).toBe(0);
    const moved = station!.database.sqlite.prepare("SELECT count(*) AS n FROM devices d JOIN batches b ON b.id = d.batch_id WHERE b.name = 'Returns for Fabrikam' AND d.state = 'scanned' AND d.removed_at IS NULL").get() as { n: number };
    expect(moved.n).toBe(3);
  });

  it('a crash between the DELETE and the local record: reconciles from the device list, no second DELETE', async () => {
    await uploaded(2);
    const lena = await signInSecondLead();
    // The DELETE reaches the service but its answer is lost (as if the station died before recording it).
    w!.emu.control.setSwitches({ faults: [{ kind: 'drop', after: true, method: 'DELETE' }] });
    const first = await station!.call('devices:deregister', { identifier: filedPkids(1)[0], reason: 'motherboard swap' }, { sessionToken: lena });
    expect(first).toMatchObject({ ok: true, value: { deregistered: 0, pending: 1 } });
    expect(await remoteCount()).toBe(1);
    const sentBefore = deletes().length;
    w!.emu.control.setSwitches({ faults: [] });
    station!.database.sqlite.prepare('UPDATE deregistrations SET next_attempt_at = 0').run();
    const ctx = syncContextFor({ db: station!.database.db, now: Date.now, station: station!.identity }, w!.client);
    expect(await processDeregistrations(ctx)).toMatchObject({ deregistered: 1, pending: 0 });
    expect(deletes().length).toBe(sentBefore);
    const audit = station!.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'devices:deregistered'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ how: 'not-listed' });
  });
});

async function signInSecondLead(): Promise<string> {
  const admin = await adminToken();
  await station!.call('operators:add', { name: 'Lena Lead', role: 'lead', pin: '583920' }, { sessionToken: admin });
  const r = await station!.call('session:signIn', { name: 'Lena Lead', pin: '583920' });
  return r.ok ? r.value.token : '';
}
