// A Get-WindowsAutopilotInfo file and a tuple file imported into a real station (temp SQLite file),
// exported as Partner Center's CSV and read back with csv-parse: every identity sits in its own
// columns, and the file says exactly what the upload engine then sends to the Partner Center emulator
// over loopback. The report names each line's identity.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTNER_CENTER_HEADER } from '../../../electron/core/export/partner-center';
import { CUSTOMER, syncWorld, type SyncWorld } from '../../helpers/sync-world';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)));

const HP = { serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' };
const DELL = { serial: 'J7K2M93', manufacturer: 'Dell Inc.', model: 'Latitude 5440' };
const LENOVO = { serial: 'J7K2M93', manufacturer: 'LENOVO', model: '21HD' };

type PcRow = Record<(typeof PARTNER_CENTER_HEADER)[number], string>;

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

async function signedIn(world: SyncWorld) {
  const lead = await world.t.tokenFor('lead', 'Lena');
  const approver = await world.t.tokenFor('lead', 'Liam');
  const call = async <T,>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> => {
    const done = await r;
    if (!done.ok) throw new Error(`${done.error.code}: ${done.error.message}`);
    return done.value;
  };
  return { lead, approver, call };
}

describe('export of every identity', () => {
  it('imports a GWAI file and a tuple file, exports them with each identity in its columns, and uploads exactly that', async () => {
    w = await syncWorld({ registry: [{ ...HP }, { ...DELL }, { ...LENOVO }] });
    const { station } = w.t;
    const { lead, approver, call } = await signedIn(w);
    const batch = await call(station.call('batches:create', { name: 'Dock 3 mixed' }, { sessionToken: lead }));
    const imported: Record<string, number> = {};
    for (const name of ['gwai-two-devices.csv', 'tuple-devices.csv']) {
      const contentBase64 = fixture(name).toString('base64');
      const preview = await call(station.call('import:preview', { batchId: batch.id, fileName: name, contentBase64 }, { sessionToken: lead }));
      imported[name] = (await call(station.call('import:commit', { batchId: batch.id, fileName: name, contentBase64, token: preview.token }, { sessionToken: lead }))).imported;
    }
    // The tuple file's line without a model and its repeated Dell serial stay out (see the fixture tests).
    expect(imported).toEqual({ 'gwai-two-devices.csv': 2, 'tuple-devices.csv': 3 });

    const gwai = parse(fixture('gwai-two-devices.csv'), { columns: true }) as Record<string, string>[];
    const exported = await call(station.call('export:batch', { batchId: batch.id, format: 'partner-center' }, { sessionToken: lead }));
    expect(exported.csv.split('\r\n')[0]).toBe('Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model');
    const rows = parse(exported.csv, { columns: true }) as PcRow[];
    const line = (serial: string, pkid: string, hash: string, manufacturer: string, model: string): PcRow => ({
      'Device Serial Number': serial,
      'Windows Product ID': pkid,
      'Hardware Hash': hash,
      'Manufacturer name': manufacturer,
      'Device model': model,
    });
    expect(rows).toEqual([
      line('PF3KQ2A1', '', gwai[0]?.['Hardware Hash'] ?? 'missing', '', ''),
      line('PF3KQ2A2', '', gwai[1]?.['Hardware Hash'] ?? 'missing', '', ''),
      line(HP.serial, '', '', HP.manufacturer, HP.model),
      line(DELL.serial, '', '', DELL.manufacturer, DELL.model),
      line(LENOVO.serial, '', '', LENOVO.manufacturer, LENOVO.model),
    ]);
    expect(exported.rows).toBe(5);

    const report = await call(station.call('export:batch', { batchId: batch.id, format: 'report' }, { sessionToken: lead }));
    const reportRows = parse(report.csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(reportRows.map((r) => [r['Device Serial Number'], r.Identity, r['Has hardware hash']])).toEqual([
      ['PF3KQ2A1', 'Hardware hash', 'yes'],
      ['PF3KQ2A2', 'Hardware hash', 'yes'],
      [HP.serial, 'Serial + manufacturer + model', 'no'],
      [DELL.serial, 'Serial + manufacturer + model', 'no'],
      [LENOVO.serial, 'Serial + manufacturer + model', 'no'],
    ]);

    await call(station.call('batches:close', { id: batch.id }, { sessionToken: lead }));
    await call(station.call('approval:approve', { batchId: batch.id, customerTenantId: CUSTOMER }, { sessionToken: approver }));
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batch.id)).toEqual({ registered: 5 });
    // What the emulator received, field for field, is what the file says (empty cells are fields not sent).
    const fromFile = rows.map((r) =>
      Object.fromEntries(
        (
          [
            ['serialNumber', r['Device Serial Number']],
            ['productKey', r['Windows Product ID']],
            ['hardwareHash', r['Hardware Hash']],
            ['oemManufacturerName', r['Manufacturer name']],
            ['modelName', r['Device model']],
          ] as const
        ).filter(([, v]) => v !== ''),
      ),
    );
    const received = w.emu.control.receivedDevices().map((r) => Object.fromEntries(Object.entries(r.device).filter(([, v]) => v !== undefined && v !== null)));
    expect(received).toEqual(fromFile);
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('refuses to export a batch with a line that has no identity, naming it; nothing is silently dropped', async () => {
    w = await syncWorld();
    const { station } = w.t;
    const { lead, call } = await signedIn(w);
    const batch = await call(station.call('batches:create', { name: 'Partial' }, { sessionToken: lead }));
    const contentBase64 = fixture('gwai-two-devices.csv').toString('base64');
    const preview = await call(station.call('import:preview', { batchId: batch.id, fileName: 'gwai.csv', contentBase64 }, { sessionToken: lead }));
    await call(station.call('import:commit', { batchId: batch.id, fileName: 'gwai.csv', contentBase64, token: preview.token }, { sessionToken: lead }));
    // A serial read whose manufacturer and model were never chosen: stored, but not registrable yet.
    station.database.sqlite.prepare("INSERT INTO devices (batch_id, serial, raw, source, scanned_by, scanned_at) VALUES (?, 'PF9WAIT', 'PF9WAIT', 'wedge', ?, 1)").run(batch.id, w.operatorId);
    const r = await station.call('export:batch', { batchId: batch.id, format: 'partner-center' }, { sessionToken: lead });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: expect.stringMatching(/^Batch Partial cannot be written as a Partner Center file as it is: Line 4 \(serial PF9WAIT, device \d+\) cannot be sent: Serial PF9WAIT has no PKID or hardware hash/),
        details: { problems: [{ line: 4, field: 'identity' }] },
      },
    });
  });
});
