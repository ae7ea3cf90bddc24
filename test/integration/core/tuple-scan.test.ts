// Boxes without a PKID, recorded by serial + manufacturer + model (the tuple), on a real station over
// a temp SQLite file: duplicates per manufacturer in a batch, across batches and against the
// Partner Center inventory; refusals that store nothing; the picker's lists; a reopened station.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { verifyStation } from '../../../electron/core/verify';
import { replaceCustomers } from '../../../db/repos/customers';
import { replaceInventory } from '../../../db/repos/remote-inventory';
import { scanVerdict, type ScanVerdict } from '../../../shared/contract/scans';
import { foldManufacturer } from '../../../shared/domain/identity';
import { OEM_CATALOG, firmwareValueProblem } from '../../../shared/domain/oem-models';
import { liveDeviceCount, scanStation, type ScanStation } from '../../helpers/scan-station';

let t: ScanStation | undefined;
afterEach(() => t?.cleanup());

const HP = { manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' };
const DELL = { manufacturer: 'Dell Inc.', model: 'Latitude 5440' };
const HP_SERIAL = '5CG4210XYZ';
const DELL_SERIAL = '9ZB4K73';
const PKID = '3905012345678';

async function tuple(s: ScanStation, raw: string, parts: { manufacturer: string; model: string }, batchId = s.batchId): Promise<ScanVerdict> {
  const result = await s.station.call('scans:recordTuple', { batchId, raw, source: 'wedge', ...parts }, { sessionToken: s.token });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function newBatch(s: ScanStation, name: string): Promise<number> {
  const created = await s.station.call('batches:create', { name }, { sessionToken: s.token });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

const auditRows = (s: ScanStation, action: string) =>
  s.station.database.sqlite.prepare('SELECT result, detail FROM audit WHERE action = ? ORDER BY id').all(action) as { result: string; detail: string }[];

describe('scans:recordTuple', () => {
  it('records the waiting serial as a box of its own, sent by its tuple, audited; the next PKID starts a new box', async () => {
    t = await scanStation();
    expect(await t.scan(HP_SERIAL)).toMatchObject({ verdict: 'accepted', effect: 'serial-waiting' });
    const verdict = await tuple(t, HP_SERIAL, HP);
    expect(verdict).toMatchObject({
      verdict: 'accepted',
      effect: 'tuple-box',
      count: 1,
      message: `Serial ${HP_SERIAL} (HP, ${HP.model}) accepted.`,
      device: { pkid: null, serial: HP_SERIAL, ...HP, source: 'wedge', scannedBy: 'Olga', identity: { kind: 'tuple', label: `Serial ${HP_SERIAL} · HP · ${HP.model}` } },
    });
    expect(auditRows(t, 'scans:recordTuple').map((r) => [r.result, JSON.parse(r.detail)])).toEqual([['ok', { serial: HP_SERIAL, ...HP, source: 'wedge' }]]);
    // The serial no longer waits: the PKID scanned next is a new box, without that serial.
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'accepted', effect: 'new-box', device: { pkid: PKID, serial: null } });
    expect(liveDeviceCount(t)).toBe(2);
  });

  it('takes the serial out of a captioned or Lenovo 1S read, as scans do', async () => {
    t = await scanStation();
    expect(await tuple(t, 'S/N: PF3ABCD1', { manufacturer: 'LENOVO', model: '21HD0001GE' })).toMatchObject({ verdict: 'accepted', device: { serial: 'PF3ABCD1' } });
    const lenovo = await tuple(t, '1S21HD0001GEPF3ABCD2', { manufacturer: 'LENOVO', model: '21HD0001GE' });
    expect(lenovo).toMatchObject({ verdict: 'accepted', message: 'Serial PF3ABCD2 (LENOVO, 21HD0001GE) accepted.', device: { serial: 'PF3ABCD2', model: '21HD0001GE' } });
    // The 1S barcode names the model too: a different choice is recorded, with a note to check it.
    const other = await tuple(t, '1S21HD0001GEPF3ABCD3', { manufacturer: 'LENOVO', model: '21HE0002GE' });
    expect(other).toMatchObject({ verdict: 'accepted', device: { model: '21HE0002GE' } });
    expect(other.message).toMatch(/Check the model: the label's barcode says 21HD0001GE\.$/);
  });

  it('refuses the same serial from the same manufacturer, in any case, in this batch and in another one, and stores nothing', async () => {
    t = await scanStation();
    await tuple(t, DELL_SERIAL, DELL);
    const again = await tuple(t, DELL_SERIAL, { manufacturer: 'DELL INC.', model: 'Latitude 5440' });
    expect(again).toMatchObject({ verdict: 'duplicate', value: DELL_SERIAL, where: { scope: 'this-batch', batchName: 'PO-4711', scannedBy: 'Olga' }, count: 1 });
    expect(again.message).toMatch(/^Serial 9ZB4K73 \(DELL INC\.\) is already in this batch \(by Olga, /);

    const other = await newBatch(t, 'PO-4712');
    const across = await tuple(t, DELL_SERIAL, DELL, other);
    expect(across).toMatchObject({ verdict: 'duplicate', where: { scope: 'other-batch', batchName: 'PO-4711' }, count: 0 });
    expect(across.message).toMatch(/already in batch PO-4711/);
    expect(liveDeviceCount(t)).toBe(1);
    expect(auditRows(t, 'scans:recordTuple').map((r) => r.result)).toEqual(['ok', 'denied', 'denied']);
  });

  it("refuses a serial Partner Center's inventory already holds for that manufacturer, naming the customer", async () => {
    t = await scanStation();
    const { db } = t.station.database;
    db.transaction((tx) => {
      replaceCustomers(tx, [{ tenantId: 'c1', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller' }], 1);
      replaceInventory(tx, 'c1', [{ remoteBatchId: 'Manual CSV', remoteDeviceId: 'r-1', pkid: null, serial: HP_SERIAL, manufacturer: 'HP', model: HP.model }], 1);
    });
    const verdict = await tuple(t, HP_SERIAL, HP);
    expect(verdict).toMatchObject({ verdict: 'duplicate', value: HP_SERIAL, where: { scope: 'registered', batchName: 'Manual CSV', scannedBy: 'Partner Center' } });
    expect(verdict.message).toBe(`Serial ${HP_SERIAL} (HP) is already registered in Partner Center for Contoso Ltd (batch Manual CSV).`);
    // The same serial from another manufacturer is another box.
    expect(await tuple(t, HP_SERIAL, DELL)).toMatchObject({ verdict: 'accepted', effect: 'tuple-box' });
    expect(liveDeviceCount(t)).toBe(1);
  });

  it('accepts one serial from two manufacturers as two boxes', async () => {
    t = await scanStation();
    await tuple(t, 'SAME0001', HP);
    expect(await tuple(t, 'SAME0001', DELL)).toMatchObject({ verdict: 'accepted', count: 2, device: { serial: 'SAME0001', manufacturer: 'Dell Inc.' } });
  });

  it('refuses a PKID, a retail barcode, an unreadable read and invisible characters, saying what to do, and stores nothing', async () => {
    t = await scanStation();
    const cases: [string, { manufacturer: string; model: string }, RegExp][] = [
      [PKID, HP, /3905012345678 is a PKID, not a serial: scan it as a normal scan/],
      ['4006381333931', HP, /4006381333931 is a PKID or a retail barcode, not a serial/],
      ['123456789012', HP, /retail barcode \(UPCA 123456789012\), not the serial/],
      ['ab', HP, /^Not a serial: /],
      ['SERIAL0001', { manufacturer: 'HP', model: 'HP EliteBook\t840' }, /^The model holds an invisible control character.*choose it from the list or scan the model barcode/],
      ['SERIAL0002', { manufacturer: 'H\u200bP', model: HP.model }, /^The manufacturer holds an invisible control character.*spelled exactly as the firmware reports it/],
      ['SERIAL0003', { manufacturer: 'Dell\u00a0Inc.', model: DELL.model }, /^The manufacturer holds a space that is not a plain space/],
      ['SERIAL0004', { manufacturer: 'HP', model: 'EliteBook \ud800' }, /^The model holds a damaged or unprintable character/],
    ];
    for (const [raw, parts, message] of cases) {
      const verdict = await tuple(t, raw, parts);
      expect(verdict.verdict, raw).toBe('invalid');
      expect(verdict.message).toMatch(message);
    }
    expect(liveDeviceCount(t)).toBe(0);
    expect(auditRows(t, 'scans:recordTuple').every((r) => r.result === 'denied')).toBe(true);
  });

  it('stores the parts without surrounding spaces, and notes when the list spells the pair in another case', async () => {
    t = await scanStation();
    expect(await tuple(t, 'SPACE001', { manufacturer: '  HP ', model: ` ${HP.model}  ` })).toMatchObject({ device: { manufacturer: 'HP', model: HP.model } });
    const shouty = await tuple(t, DELL_SERIAL, { manufacturer: 'DELL INC.', model: 'Latitude 5440' });
    expect(shouty).toMatchObject({ verdict: 'accepted', device: { manufacturer: 'DELL INC.' } });
    expect(shouty.message).toMatch(/Check the case: the firmware list spells the manufacturer Dell Inc\./);
    const model = await tuple(t, 'CASE0001', { manufacturer: 'Dell Inc.', model: 'LATITUDE 5440' });
    expect(model.message).toMatch(/spells the model Latitude 5440\./);
  });

  it('refuses a closed batch and an unknown one', async () => {
    t = await scanStation();
    const call = (batchId: number) => t!.station.call('scans:recordTuple', { batchId, raw: HP_SERIAL, source: 'wedge', ...HP }, { sessionToken: t!.token });
    expect(await call(9999)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await tuple(t, DELL_SERIAL, DELL);
    expect((await t.station.call('batches:close', { id: t.batchId }, { sessionToken: t.token })).ok).toBe(true);
    expect(await call(t.batchId)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(liveDeviceCount(t)).toBe(1);
  });

  it('reports a full disk and keeps every tuple it acknowledged', async () => {
    t = await scanStation();
    const sqlite = t.station.database.sqlite;
    sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + 3}`);
    const acknowledged: string[] = [];
    let full: { code: string } | null = null;
    for (let i = 0; i < 5_000 && !full; i++) {
      const serial = `FULL${String(i).padStart(5, '0')}`;
      const result = await t.station.call('scans:recordTuple', { batchId: t.batchId, raw: serial, source: 'wedge', ...HP }, { sessionToken: t.token });
      if (result.ok) {
        expect(result.value.verdict).toBe('accepted');
        acknowledged.push(serial);
      } else full = result.error;
    }
    expect(full).toMatchObject({ code: 'DISK_FULL' });
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = (sqlite.prepare('SELECT serial FROM devices WHERE removed_at IS NULL').all() as { serial: string }[]).map((r) => r.serial);
    expect(stored.sort()).toEqual([...acknowledged].sort());
    sqlite.pragma('max_page_count = 1073741823');
    expect(verifyStation(sqlite, t.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
  });

  it('keeps the recorded box when the station is reopened from its file', async () => {
    const s = await scanStation();
    await tuple(s, HP_SERIAL, HP);
    s.station.close();
    const reopened = await createStation({ dataDir: s.dataDir, logger: silentLogger, pinCost: 10 });
    try {
      const signIn = await reopened.call('session:signIn', { name: 'Olga', pin: '602817' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const recent = await reopened.call('scans:recent', { batchId: s.batchId, limit: 5 }, { sessionToken: signIn.value.token });
      expect(recent).toMatchObject({ ok: true, value: [{ serial: HP_SERIAL, ...HP, pkid: null, identity: { kind: 'tuple' } }] });
      expect(verifyStation(reopened.database.sqlite, reopened.identity.seal.chainKeys())).toMatchObject({ ok: true });
    } finally {
      reopened.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});

describe('scans:tupleChoices', () => {
  const choices = async (s: ScanStation, manufacturer?: string) => {
    const result = await s.station.call('scans:tupleChoices', manufacturer === undefined ? {} : { manufacturer }, { sessionToken: s.token });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('lists the catalogue when nothing was recorded yet', async () => {
    t = await scanStation();
    const all = await choices(t);
    expect(all.models).toEqual([]);
    expect(all.manufacturers.slice(0, 4)).toEqual(['Dell Inc.', 'HP', 'LENOVO', 'Microsoft Corporation'].map((name) => ({ name, from: 'catalog' })));
    expect((await choices(t, 'HP')).models[0]).toEqual({ manufacturer: 'HP', model: HP.model, from: 'catalog', description: 'EliteBook 840 G10' });
  });

  it('puts recent values first, newest first, then the catalogue without repeats; case is kept apart', async () => {
    t = await scanStation();
    await tuple(t, 'RECENT001', HP);
    await tuple(t, 'RECENT002', { manufacturer: 'DELL INC.', model: 'Latitude 5440' });
    await tuple(t, 'RECENT003', { manufacturer: 'Dell Inc.', model: 'Latitude 9999 Custom' });
    await tuple(t, 'RECENT004', DELL);
    // Neither a PKID box nor an undone line is a recent tuple.
    await t.scan(PKID);
    await tuple(t, 'RECENT005', { manufacturer: 'Typo Corp', model: 'Oops' });
    expect((await t.station.call('scans:undo', { batchId: t.batchId }, { sessionToken: t.token })).ok).toBe(true);

    const all = await choices(t);
    const recentMakers = all.manufacturers.filter((m) => m.from === 'recent').map((m) => m.name);
    expect(recentMakers).toEqual(['Dell Inc.', 'DELL INC.', 'HP']);
    expect(all.manufacturers.slice(0, 3).map((m) => m.from)).toEqual(['recent', 'recent', 'recent']);
    const catalogMakers = all.manufacturers.filter((m) => m.from === 'catalog').map((m) => m.name);
    expect(catalogMakers).toContain('LENOVO');
    expect(catalogMakers).not.toContain('Dell Inc.');
    expect(catalogMakers).not.toContain('HP');
    expect(all.manufacturers.map((m) => m.name)).not.toContain('Typo Corp');
    expect(all.models.map((m) => [m.manufacturer, m.model, m.from])).toEqual([
      ['Dell Inc.', 'Latitude 5440', 'recent'],
      ['Dell Inc.', 'Latitude 9999 Custom', 'recent'],
      ['DELL INC.', 'Latitude 5440', 'recent'],
      ['HP', HP.model, 'recent'],
    ]);

    const dell = (await choices(t, 'Dell Inc.')).models;
    expect(dell.slice(0, 2)).toEqual([
      { manufacturer: 'Dell Inc.', model: 'Latitude 5440', from: 'recent', description: 'Latitude 5440 (14-inch, 2023)' },
      { manufacturer: 'Dell Inc.', model: 'Latitude 9999 Custom', from: 'recent', description: null },
    ]);
    expect(dell.slice(2).every((m) => m.from === 'catalog' && m.manufacturer === 'Dell Inc.')).toBe(true);
    expect(dell.map((m) => m.model).filter((m) => m === 'Latitude 5440')).toHaveLength(1);
    expect(dell.map((m) => m.model)).toContain('Latitude 7440');

    // Exact: the shouting spelling has only its own recent pair, and no catalogue models.
    expect((await choices(t, 'DELL INC.')).models).toEqual([{ manufacturer: 'DELL INC.', model: 'Latitude 5440', from: 'recent', description: null }]);
    expect((await choices(t, '')).models).toHaveLength(4);
  });
});

describe('scans:record, serials with a manufacturer', () => {
  it("does not take a serial read from one maker's label for another maker's box of that serial", async () => {
    t = await scanStation();
    // 7XK4M12 reads as a Dell service tag; the box of that serial recorded here is an HP.
    await tuple(t, '7XK4M12', HP);
    expect(await t.scan('7XK4M12')).toMatchObject({ verdict: 'accepted', effect: 'serial-waiting' });
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'accepted', device: { pkid: PKID, serial: '7XK4M12', manufacturer: 'Dell Inc.' } });
    // Now a Dell box holds it: the same read again is a duplicate.
    expect(await t.scan('7XK4M12')).toMatchObject({ verdict: 'duplicate', where: { scope: 'this-batch' } });
  });

  it('still refuses a serial with no known manufacturer that any box already holds', async () => {
    t = await scanStation();
    await tuple(t, 'PF1ABCDE', { manufacturer: 'LENOVO', model: '21HD0001GE' });
    // PF1ABCDE matches no maker's pattern: its manufacturer is unknown, so it collides with any.
    expect(await t.scan('PF1ABCDE')).toMatchObject({ verdict: 'duplicate', value: 'PF1ABCDE' });
  });
});

describe('scans:recordTuple under random input', () => {
  const catalogPair = fc.constantFrom(...OEM_CATALOG.models).map((m) => ({ manufacturer: m.manufacturer, model: m.model }));
  const part = fc.oneof(
    fc.constantFrom(...OEM_CATALOG.manufacturers, 'DELL INC.', 'hp', ' HP ', 'Dell\u00a0Inc.', 'H\u200bP', 'HP\tInc', ''),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ minLength: 95, maxLength: 120 }),
  );
  const parts = fc.oneof(catalogPair, fc.record({ manufacturer: part, model: part }));
  const raw = fc.oneof(
    fc.stringMatching(/^[A-Z0-9]{6,12}$/),
    fc.constantFrom(HP_SERIAL, DELL_SERIAL, 'SAME0001', PKID, '4006381333931', '1S21HD0001GEPF3ABCD2', 'S/N: PF3ABCD1'),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  it('answers 2,000 random tuples with a verdict or a clear input error, and stores only well-formed, unique boxes', async () => {
    t = await scanStation();
    const s = t;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(raw, parts, async (read, chosen) => {
        const result = await s.station.call('scans:recordTuple', { batchId: s.batchId, raw: read, source: 'wedge', ...chosen }, { sessionToken: s.token });
        if (!result.ok) {
          // Only the contract's bounds (nothing left after trimming, over 100 characters) are errors.
          expect(result.error.code).toBe('INVALID_INPUT');
          return;
        }
        expect(scanVerdict.safeParse(result.value).success).toBe(true);
        if (result.value.verdict === 'accepted') accepted++;
      }),
      { numRuns: 2_000 },
    );
    const stored = s.station.database.sqlite.prepare('SELECT pkid, serial, manufacturer, model FROM devices WHERE removed_at IS NULL').all() as {
      pkid: string | null;
      serial: string;
      manufacturer: string;
      model: string;
    }[];
    expect(stored.length).toBe(accepted);
    expect(accepted).toBeGreaterThan(50);
    for (const row of stored) {
      expect(row.pkid).toBeNull();
      expect(row.serial).toMatch(/^[0-9A-Z][0-9A-Z-]*$/);
      expect(firmwareValueProblem(row.manufacturer), row.manufacturer).toBeNull();
      expect(firmwareValueProblem(row.model), row.model).toBeNull();
    }
    const owners = stored.map((r) => `${r.serial}|${foldManufacturer(r.manufacturer)}`);
    expect(new Set(owners).size).toBe(owners.length);
    expect(verifyStation(s.station.database.sqlite, s.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
  }, 300_000);
});
