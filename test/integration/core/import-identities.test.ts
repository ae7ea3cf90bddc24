// Importing devices by every identity into a real station (temp SQLite file): Get-WindowsAutopilotInfo
// files (hardware hash + serial), an OEM's hash file, tuple files. Each refused line says why with its
// number; duplicates are found under every identity within a file, across batches and against what
// Partner Center (the emulator, over loopback) already holds, learnt through the station's own
// inventory read; a file whose lines are all refused stores nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchInventory } from '../../../electron/core/sync/inventory';
import { replaceInventory } from '../../../db/repos/remote-inventory';
import { replaceCustomers } from '../../../db/repos/customers';
import { snapshotDatabase } from '../../helpers/temp-station';
import { reviewStation, type ReviewStation } from '../../helpers/review-station';
import { CUSTOMER, syncWorld, type SyncWorld } from '../../helpers/sync-world';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)));

let t: ReviewStation | undefined;
let w: SyncWorld | undefined;
afterEach(async () => {
  t?.cleanup();
  t = undefined;
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

async function preview(s: ReviewStation, content: Buffer | string, fileName: string, batchId = s.batchId) {
  const contentBase64 = s.base64(content);
  const p = await s.must('import:preview', { batchId, fileName, contentBase64 });
  return { ...p, commit: () => s.station.call('import:commit', { batchId, fileName, contentBase64, token: p.token }, { sessionToken: s.lead }) };
}

type Stored = { pkid: string | null; serial: string | null; manufacturer: string | null; model: string | null; hardware_hash: string | null; source: string; raw: string };
const stored = (s: ReviewStation) => s.station.database.sqlite.prepare('SELECT pkid, serial, manufacturer, model, hardware_hash, source, raw FROM devices WHERE removed_at IS NULL ORDER BY id').all() as Stored[];

describe('import by identity on a real station', () => {
  it('stores a Get-WindowsAutopilotInfo file as hash devices and an OEM file as hash devices with their make and model; the desk shows the identity', async () => {
    t = await reviewStation();
    const gwai = await preview(t, fixture('gwai-two-devices.csv'), 'gwai-two-devices.csv');
    expect(gwai).toMatchObject({ accepted: 2, refusedCount: 0, columns: { serial: 'Device Serial Number', pkid: 'Windows Product ID', hash: 'Hardware Hash' } });
    expect(gwai.sample.map((r) => r.identity)).toEqual([
      { kind: 'hash', label: 'Hardware hash (2,048 characters) + serial PF3KQ2A1', words: { kind: 'hash', hashLength: 2048, serial: 'PF3KQ2A1' } },
      { kind: 'hash', label: 'Hardware hash (2,048 characters) + serial PF3KQ2A2', words: { kind: 'hash', hashLength: 2048, serial: 'PF3KQ2A2' } },
    ]);
    expect(await gwai.commit()).toMatchObject({ ok: true, value: { imported: 2 } });
    const oem = await preview(t, fixture('oem-hashes.csv'), 'oem-hashes.csv');
    expect(await oem.commit()).toMatchObject({ ok: true, value: { imported: 2 } });

    const file = parse(fixture('gwai-two-devices.csv'), { columns: true }) as Record<string, string>[];
    expect(stored(t)).toEqual([
      { pkid: null, serial: 'PF3KQ2A1', manufacturer: null, model: null, hardware_hash: file[0]?.['Hardware Hash'], source: 'import', raw: 'import gwai-two-devices.csv line 2' },
      { pkid: null, serial: 'PF3KQ2A2', manufacturer: null, model: null, hardware_hash: file[1]?.['Hardware Hash'], source: 'import', raw: 'import gwai-two-devices.csv line 3' },
      expect.objectContaining({ serial: '5CG4210AA1', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC', hardware_hash: expect.stringMatching(/^[A-Za-z0-9+/]{2048}$/) }),
      expect.objectContaining({ serial: '5CG4210AA2', manufacturer: 'HP' }),
    ]);
    const { rows } = await t.must('review:devices', { batchId: t.batchId });
    expect(rows.map((r) => r.identity.kind)).toEqual(['hash', 'hash', 'hash', 'hash']);
  });

  it('imports the good line of a file with damaged hashes and names each damaged line; a file of only bad lines stores nothing', async () => {
    t = await reviewStation();
    const damaged = await preview(t, fixture('gwai-damaged-hash.csv'), 'gwai-damaged-hash.csv');
    expect(damaged.refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'bad-hash'],
      [4, 'bad-hash'],
      [5, 'bad-hash'],
    ]);
    expect(await damaged.commit()).toMatchObject({ ok: true, value: { imported: 1, refusedCount: 3 } });
    expect(stored(t).map((d) => d.serial)).toEqual(['PF3KQ2B1']);

    const onlyBad = fixture('gwai-damaged-hash.csv').toString('utf8').split('\r\n').filter((_, i) => i !== 1).join('\r\n');
    const before = snapshotDatabase(t.station);
    const bad = await preview(t, onlyBad, 'only-bad.csv');
    expect(bad).toMatchObject({ accepted: 0, refusedCount: 3 });
    expect(await bad.commit()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Nothing in only-bad.csv can be imported: all 3 lines were refused.' } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('refuses the same boxes in another batch under every identity: hash, serial of the same manufacturer, PKID', async () => {
    t = await reviewStation();
    expect(await (await preview(t, fixture('gwai-two-devices.csv'), 'gwai.csv')).commit()).toMatchObject({ ok: true });
    expect(await (await preview(t, fixture('tuple-devices.csv'), 'tuple.csv')).commit()).toMatchObject({ ok: true, value: { imported: 3 } });
    const other = await t.must('batches:create', { name: 'PO-4712' }, t.operator);
    const gwaiText = fixture('gwai-two-devices.csv').toString('utf8');
    const hash = (parse(gwaiText, { columns: true }) as Record<string, string>[])[0]?.['Hardware Hash'] ?? '';
    // The first GWAI hash under another serial; a GWAI serial with its manufacturer now known; the Dell
    // tuple spelt in capitals; the same serial from yet another manufacturer (another box).
    const text = [
      'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model',
      `NEWSERIAL1,,${hash},,`,
      'PF3KQ2A2,,,LENOVO,21HD',
      'J7K2M93,,,DELL INC.,Latitude 5440',
      'J7K2M93,,,HP,HP ProBook 450 G10',
    ].join('\r\n');
    const p = await preview(t, text, 'second.csv', other.id);
    expect(p.refused).toEqual([
      { line: 2, reason: 'other-batch', message: expect.stringMatching(/^The hardware hash of serial NEWSERIAL1 is already in batch PO-4711 \(scanned by Lena, /) },
      { line: 3, reason: 'serial-elsewhere', message: expect.stringMatching(/^Serial PF3KQ2A2 \(LENOVO\) is already in batch PO-4711/) },
      { line: 4, reason: 'serial-elsewhere', message: expect.stringMatching(/^Serial J7K2M93 \(DELL INC\.\) is already in batch PO-4711/) },
    ]);
    expect(p.accepted).toBe(1);
  });

  it("refuses boxes Partner Center already holds, as the station read them from the emulator's inventory", async () => {
    // Station one registers a GWAI file and a tuple file through the emulator.
    w = await syncWorld({ registry: [{ serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' }, { serial: 'J7K2M93', manufacturer: 'Dell Inc.', model: 'Latitude 5440' }, { serial: 'J7K2M93', manufacturer: 'LENOVO', model: '21HD' }] });
    const first = w.approvedDevices('Registered elsewhere', [
      ...(parse(fixture('gwai-two-devices.csv'), { columns: true }) as Record<string, string>[]).map((r) => ({ serial: r['Device Serial Number'] ?? null, hardwareHash: r['Hardware Hash'] ?? null })),
      { serial: 'J7K2M93', manufacturer: 'Dell Inc.', model: 'Latitude 5440' },
    ]);
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(first)).toEqual({ registered: 3 });

    // Station two knows the customer's inventory only from Partner Center.
    t = await reviewStation();
    const inventory = await fetchInventory(w.client, CUSTOMER);
    if (!inventory.ok) throw new Error(inventory.error.message);
    expect(inventory.records).toHaveLength(3);
    const { db } = t.station.database;
    db.transaction((tx) => {
      replaceCustomers(tx, [{ tenantId: CUSTOMER, companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller' }], 1);
      replaceInventory(tx, CUSTOMER, inventory.records, 1);
    });
    const gwai = await preview(t, fixture('gwai-two-devices.csv'), 'gwai.csv');
    expect(gwai.refused).toEqual([
      { line: 2, reason: 'remote-inventory', message: 'Serial PF3KQ2A1 is already registered in Partner Center for Contoso Ltd (device batch Registered elsewhere): it cannot be registered again. Leave it out, or remove it there first.' },
      { line: 3, reason: 'remote-inventory', message: expect.stringMatching(/^Serial PF3KQ2A2 is already registered in Partner Center for Contoso Ltd/) },
    ]);
    const tuples = await preview(t, fixture('tuple-devices.csv'), 'tuple.csv');
    expect(tuples.refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'remote-inventory'],
      [4, 'no-identity'],
      [6, 'serial-duplicate-in-file'],
    ]);
    // The Lenovo with the Dell's serial is another box, and HP's was never registered.
    expect(tuples.sample.map((r) => [r.serial, r.manufacturer])).toEqual([
      ['5CG4210XYZ', 'HP'],
      ['J7K2M93', 'LENOVO'],
    ]);
    expect(await tuples.commit()).toMatchObject({ ok: true, value: { imported: 2 } });
  });
});
