// Every identity through the upload engine against the Partner Center emulator over loopback: what is
// sent for a PKID, a tuple and a hardware hash, and how each refusal is explained.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, OTHER_TENANT, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

const settle = (world: SyncWorld) => world.engine.runUntilSettled({ timeoutMs: 20_000 });

/** A plausible 4K hash (3 KiB decoded), different per seed. */
function fakeHash(seed: string): string {
  const parts: Buffer[] = [];
  let h = Buffer.from(seed);
  while (parts.length * 32 < 3072) parts.push((h = createHash('sha256').update(h).digest()));
  return Buffer.concat(parts).subarray(0, 3072).toString('base64');
}

const HP = { serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' };
const DELL = { serial: '9ZB4K73', manufacturer: 'Dell Inc.', model: 'Latitude 5440' };

function row(world: SyncWorld, where: string, value: string) {
  return world.t.station.database.sqlite.prepare(`SELECT state, error_code, error_text, remote_device_id FROM devices WHERE ${where} = ?`).get(value) as { state: string; error_code: string | null; error_text: string | null; remote_device_id: string | null };
}

describe('upload of every identity', () => {
  it('registers a PKID, a tuple and a hash (with serial) in one batch, each sent with exactly its fields', async () => {
    const hash = fakeHash('good');
    w = await syncWorld({ filed: 1, registry: [{ ...HP }] });
    const [pkid = ''] = filedPkids(1);
    // The PKID box also has a serial scanned: only the PKID is sent.
    const batchId = w.approvedDevices('Mixed identities', [{ pkid, serial: 'PKSERIAL1' }, { ...HP }, { hardwareHash: hash, serial: 'HASHSER1', manufacturer: 'LENOVO' }]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 3 });
    expect(w.batchState(batchId)).toBe('registered');
    expect(w.emu.control.receivedDevices().map((r) => r.device)).toEqual([
      { productKey: pkid },
      { serialNumber: HP.serial, oemManufacturerName: HP.manufacturer, modelName: HP.model },
      { hardwareHash: hash, serialNumber: 'HASHSER1' },
    ]);
    for (const [where, value] of [['pkid', pkid], ['serial', HP.serial], ['serial', 'HASHSER1']] as const) {
      expect(row(w, where, value).remote_device_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('refuses a tuple in the wrong case with 812 and says to check spelling and case against the firmware', async () => {
    w = await syncWorld({ registry: [{ ...DELL }] });
    const batchId = w.approvedDevices('Case', [{ ...DELL, manufacturer: 'DELL INC.' }]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ '812': 1 });
    expect(w.emu.control.receivedDevices()[0]?.device.oemManufacturerName).toBe('DELL INC.');
    const r = row(w, 'serial', DELL.serial);
    expect(r.state).toBe('failed');
    expect(r.error_text).toMatch(/serial \+ manufacturer \+ model/);
    expect(r.error_text).toMatch(/case-sensitively/);
    expect(w.batchState(batchId)).toBe('needs_attention');
  });

  it('refuses a tuple the OEM never filed with 812, and a damaged hash with 802, each explained for its identity', async () => {
    const damaged = fakeHash('damaged');
    w = await syncWorld({ registry: [{ serial: 'DMG0HASH1', hash: damaged, damaged: true }] });
    const batchId = w.approvedDevices('Refused', [{ serial: 'NOTFILED1', manufacturer: 'HP', model: 'HP ProBook 450 G10' }, { hardwareHash: damaged, serial: 'DMG0HASH1' }]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ '812': 1, '802': 1 });
    expect(row(w, 'serial', 'NOTFILED1').error_text).toMatch(/not filed the device yet/);
    const hashRow = row(w, 'serial', 'DMG0HASH1');
    expect(hashRow).toMatchObject({ state: 'failed', error_code: '802' });
    expect(hashRow.error_text).toMatch(/not a full \(4K\) hardware hash/);
  });

  it('counts the same tuple already registered to the customer (806) as registered, and refuses another tenant\'s (808)', async () => {
    const mine = { serial: 'MINE0001', manufacturer: 'LENOVO', model: '21HD0001GE' };
    const theirs = { serial: 'THEIRS01', manufacturer: 'Dell Inc.', model: 'OptiPlex 7010' };
    w = await syncWorld({ registry: [{ ...mine, ownerTenant: CUSTOMER }, { ...theirs, ownerTenant: OTHER_TENANT }] });
    const batchId = w.approvedDevices('Owned', [mine, theirs]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ '806-customer': 1, '808': 1 });
    expect(row(w, 'serial', mine.serial).state).toBe('registered');
    expect(row(w, 'serial', theirs.serial)).toMatchObject({ state: 'failed', error_text: expect.stringMatching(/another organisation/) });
  });

  it('does not confuse two devices of one chunk sharing a serial from different manufacturers', async () => {
    const hp = { serial: 'SAME0001', manufacturer: 'HP', model: 'HP EliteBook 840 G8 Notebook PC' };
    const dell = { serial: 'SAME0001', manufacturer: 'Dell Inc.', model: 'Latitude 5440' };
    w = await syncWorld({ registry: [hp] });
    const batchId = w.approvedDevices('Same serial', [dell, hp]);
    await settle(w);
    const rows = w.t.station.database.sqlite.prepare('SELECT manufacturer, state, error_code FROM devices WHERE batch_id = ? ORDER BY id').all(batchId);
    expect(rows).toEqual([
      { manufacturer: 'Dell Inc.', state: 'failed', error_code: '812' },
      { manufacturer: 'HP', state: 'registered', error_code: null },
    ]);
  });

  it('flags a tuple already in the customer\'s Partner Center inventory without sending it; the same serial from another manufacturer is sent', async () => {
    w = await syncWorld({ registry: [{ ...HP }] });
    const earlier = await w.client.deviceBatches.create(CUSTOMER, { batchId: 'Manual CSV', devices: [{ serialNumber: HP.serial, oemManufacturerName: HP.manufacturer, modelName: HP.model }] });
    expect(earlier.ok).toBe(true);
    w.emu.control.completeJobs();
    w.emu.control.resetRequests();
    // Spelled differently here: duplicates fold the manufacturer's case, uploads never do.
    const batchId = w.approvedDevices('Second', [{ ...HP, manufacturer: 'hp' }, { serial: HP.serial, manufacturer: 'Dell Inc.', model: 'Latitude 5440' }]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ 'already-registered': 1, '812': 1 });
    expect(row(w, 'manufacturer', 'hp')).toMatchObject({ state: 'registered', error_code: 'already-registered' });
    expect(w.emu.control.receivedDevices().map((r) => r.device.oemManufacturerName)).toEqual(['Dell Inc.']);
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('refuses to approve a batch holding a device without an identity, saying how many and what is missing', async () => {
    w = await syncWorld();
    const batchId = w.closedBatch('No identity', [{ pkid: '3327805504064' }, { serial: 'LONELY01', manufacturer: 'HP' }, { serial: 'LONELY02' }]);
    const lead = await w.t.tokenFor('lead', 'Lena');
    const preview = await w.t.station.call('approval:preview', { batchId, customerTenantId: CUSTOMER }, { sessionToken: lead });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.noIdentity.count).toBe(2);
    expect(preview.value.noIdentity.devices.map((d) => d.problem)).toEqual([expect.stringMatching(/LONELY01.*model/), expect.stringMatching(/LONELY02.*manufacturer and model/)]);
    expect(preview.value.blockers).toEqual([expect.stringMatching(/2 devices that Partner Center cannot identify/)]);
    const approved = await w.t.station.call('approval:approve', { batchId, customerTenantId: CUSTOMER }, { sessionToken: lead });
    expect(approved).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/2 devices .*LONELY01 has no PKID or hardware hash, so it needs its model/) } });
    expect(w.batchState(batchId)).toBe('closed');
    const queued = w.t.station.database.sqlite.prepare("SELECT count(*) AS n FROM devices WHERE batch_id = ? AND state <> 'scanned'").get(batchId) as { n: number };
    expect(queued.n).toBe(0);
    expect(w.t.station.database.sqlite.prepare('SELECT count(*) AS n FROM uploads WHERE batch_id = ?').get(batchId)).toEqual({ n: 0 });
  });

  it('refuses to retry a failed device whose line lost its identity since, and retries it once fixed', async () => {
    w = await syncWorld({ registry: [{ ...DELL }] });
    const batchId = w.approvedDevices('Fix and retry', [{ ...DELL, manufacturer: 'DELL INC.' }]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ '812': 1 });
    const sqlite = w.t.station.database.sqlite;
    sqlite.prepare('UPDATE devices SET model = NULL WHERE batch_id = ?').run(batchId);
    const lead = await w.t.tokenFor('lead', 'Lena');
    const refused = await w.t.station.call('uploads:retryFailed', { batchId }, { sessionToken: lead });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/1 device that Partner Center cannot identify/) } });
    sqlite.prepare('UPDATE devices SET manufacturer = ?, model = ? WHERE batch_id = ?').run(DELL.manufacturer, DELL.model, batchId);
    expect((await w.t.station.call('uploads:retryFailed', { batchId }, { sessionToken: lead })).ok).toBe(true);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 1 });
    expect(w.emu.control.receivedDevices().map((r) => r.device.oemManufacturerName)).toEqual(['DELL INC.', 'Dell Inc.']);
  });
});
