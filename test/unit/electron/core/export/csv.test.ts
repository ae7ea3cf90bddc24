// Exports: Partner Center's exact format (refusing what it cannot carry, with the line), spreadsheet
// formulas neutralised in every report cell, and a round trip back through the importer.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { ReviewDevice } from '../../../../../shared/contract/review';
import { startsLikeFormula, toCsv } from '../../../../../electron/core/export/csv';
import { PARTNER_CENTER_HEADER, partnerCenterCsv, type ExportDevice } from '../../../../../electron/core/export/partner-center';
import { REPORT_HEADER, reportCsv } from '../../../../../electron/core/export/report';
import { summariseIdentity } from '../../../../../shared/domain/identity';

const device = (over: Partial<ExportDevice> = {}): ExportDevice => ({ id: 1, pkid: '3905012345678', serial: null, manufacturer: null, model: null, hardwareHash: null, ...over });

function reviewDevice(over: Partial<Omit<ReviewDevice, 'identity'>> = {}, hardwareHash: string | null = null): ReviewDevice {
  const d: Omit<ReviewDevice, 'identity'> = {
    id: 1,
    batchId: 1,
    pkid: '3905012345678',
    serial: 'PF1ABCDE',
    manufacturer: 'LENOVO',
    model: '20XW',
    hasHardwareHash: false,
    source: 'wedge',
    scannedById: 2,
    scannedBy: 'Olga',
    scannedAt: Date.UTC(2026, 10, 23, 8, 0),
    state: 'scanned',
    removed: false,
    removedBy: null,
    removedAt: null,
    removedReason: null,
    errorCode: null,
    errorText: null,
    remoteDeviceId: null,
    heldElsewhere: null,
    ...over,
  };
  // As db/repos/review.ts summarises a row.
  return { ...d, hasHardwareHash: hardwareHash !== null, identity: summariseIdentity({ ...d, hardwareHash }) };
}

/** A plausible full hash: 1,536 bytes as base64. */
const HASH = Buffer.alloc(1536, 7).toString('base64');

const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r'];

describe('Partner Center CSV', () => {
  it('has exactly the documented header, in order, and one identifier set per line', () => {
    const r = partnerCenterCsv([
      device(),
      device({ id: 2, pkid: null, serial: 'SN2', manufacturer: 'Dell Inc.', model: 'Latitude 5440' }),
      device({ id: 3, pkid: '3905012345679', serial: 'SN3', hardwareHash: 'QUJD' }),
      device({ id: 4, pkid: '3905012345680', serial: 'SN4', manufacturer: 'HP', model: 'X' }),
    ]);
    expect(r).toEqual({
      ok: true,
      rows: 4,
      csv: [
        'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model',
        ',3905012345678,,,',
        'SN2,,,Dell Inc.,Latitude 5440',
        'SN3,3905012345679,QUJD,,',
        ',3905012345680,,,',
        '',
      ].join('\r\n'),
    });
    expect(PARTNER_CENTER_HEADER.join(',')).toBe('Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model');
  });

  it('refuses, naming the line, a value with a comma, quote or line break, a formula-like start, or a line with no usable identity', () => {
    const r = partnerCenterCsv([
      device(),
      device({ id: 7, pkid: null, serial: 'SN7', manufacturer: 'Lenovo, Inc.', model: 'X' }),
      device({ id: 8, pkid: null, serial: '=SN8', manufacturer: 'HP', model: 'Y\nZ' }),
      device({ id: 9, pkid: null, serial: 'SN9' }),
    ]);
    if (r.ok) throw new Error('expected refusal');
    expect(r.problems.map((p) => [p.line, p.deviceId, p.field])).toEqual([
      [3, 7, 'manufacturer'],
      [4, 8, 'serial'],
      [4, 8, 'model'],
      [5, 9, 'identity'],
    ]);
    expect(r.problems[0]?.message).toMatch(/^Line 3: the manufacturer "Lenovo, Inc\." holds a comma/);
    expect(r.problems[1]?.message).toMatch(/starts like a spreadsheet formula/);
    expect(r.problems[3]?.message).toBe(
      'Line 5 (serial SN9, device 9) cannot be sent: Serial SN9 has no PKID or hardware hash, so it needs its manufacturer and model exactly as the firmware reports them. Fix the line in review or remove it.',
    );
  });

  it('writes each line from the identity upload sends: hash (+ serial, + PKID), PKID alone, or the tuple as stored', () => {
    const wrapped = `${HASH.slice(0, 1000)}\r\n ${HASH.slice(1000)}`;
    const r = partnerCenterCsv([
      device({ id: 1, pkid: null, hardwareHash: HASH }),
      device({ id: 2, pkid: null, serial: 'PF2', hardwareHash: wrapped, manufacturer: 'LENOVO', model: '21HD' }),
      device({ id: 3, serial: 'PF3', hardwareHash: HASH }),
      device({ id: 4, serial: 'PF4' }),
      device({ id: 5, pkid: null, serial: 'J7K2M93', manufacturer: 'DELL INC.', model: 'Latitude 5440' }),
    ]);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
    const rows = parse(r.csv, { columns: true }) as Record<(typeof PARTNER_CENTER_HEADER)[number], string>[];
    expect(rows).toEqual([
      { 'Device Serial Number': '', 'Windows Product ID': '', 'Hardware Hash': HASH, 'Manufacturer name': '', 'Device model': '' },
      // A hash is self-contained: manufacturer and model are not sent with it, and whitespace a copy put in is dropped.
      { 'Device Serial Number': 'PF2', 'Windows Product ID': '', 'Hardware Hash': HASH, 'Manufacturer name': '', 'Device model': '' },
      { 'Device Serial Number': 'PF3', 'Windows Product ID': '3905012345678', 'Hardware Hash': HASH, 'Manufacturer name': '', 'Device model': '' },
      { 'Device Serial Number': '', 'Windows Product ID': '3905012345678', 'Hardware Hash': '', 'Manufacturer name': '', 'Device model': '' },
      // Case kept: Autopilot compares the tuple case-sensitively with the firmware.
      { 'Device Serial Number': 'J7K2M93', 'Windows Product ID': '', 'Hardware Hash': '', 'Manufacturer name': 'DELL INC.', 'Device model': 'Latitude 5440' },
    ]);
    expect(r.rows).toBe(5);
  });

  it('refuses the whole file when any line has no identity, naming every such line (none silently dropped)', () => {
    const r = partnerCenterCsv([device(), device({ id: 2, pkid: null }), device({ id: 3, pkid: null, serial: 'SN3', manufacturer: 'HP' })]);
    if (r.ok) throw new Error('expected refusal');
    expect(r.problems).toEqual([
      { line: 3, deviceId: 2, field: 'identity', message: expect.stringMatching(/^Line 3 \(device 2\) cannot be sent: This record has no PKID, no hardware hash and no serial/) },
      { line: 4, deviceId: 3, field: 'identity', message: expect.stringMatching(/^Line 4 \(serial SN3, device 3\) cannot be sent: Serial SN3 has no PKID or hardware hash, so it needs its model/) },
    ]);
  });
});

describe('formula neutralisation', () => {
  it('prefixes 100% of cells starting with = + - @ TAB CR with a quote, and leaves every other cell as it was (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'A', '1', ' ', ',', '"', '\n', "'"), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 20 }), (cells) => {
        const devices = cells.map(([serial, manufacturer, model], i) => reviewDevice({ id: i + 1, serial, manufacturer, model, removedReason: model }));
        const { csv } = reportCsv('B', devices);
        const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
        expect(back[0]).toEqual([...REPORT_HEADER]);
        for (const [i, [serial, manufacturer, model]] of cells.entries()) {
          const row = back[i + 1] ?? [];
          for (const [col, original] of [[2, serial], [3, manufacturer], [4, model], [13, model]] as const) {
            const expected = original.length > 0 && FORMULA_CHARS.includes(original[0] ?? '') ? `'${original}` : original;
            expect(row[col]).toBe(expected);
          }
        }
        for (const row of back) for (const c of row) expect(FORMULA_CHARS.includes(c[0] ?? '')).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  }, 30_000);

  it('agrees with csv-stringify on the full-width forms too', () => {
    for (const c of ['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', ...FORMULA_CHARS]) {
      expect(startsLikeFormula(`${c}1`)).toBe(true);
      expect(toCsv(['h'], [[`${c}1`]])).toMatch(new RegExp(`^h\\r\\n"?'`));
    }
    expect(startsLikeFormula('3905012345678')).toBe(false);
    expect(toCsv(['h'], [['3905012345678']])).toBe('h\r\n3905012345678\r\n');
  });
});

describe('batch report', () => {
  it('has every column, removed lines included, with a BOM for Excel', () => {
    const { csv, rows } = reportCsv('PO-1', [
      reviewDevice(),
      reviewDevice({ id: 2, pkid: '3905012345679', removed: true, removedBy: 'Lena', removedAt: Date.UTC(2026, 10, 23, 9, 0), removedReason: 'wrong pallet', errorCode: '808', errorText: 'ZtdDeviceAssignedToOtherTenant' }),
    ]);
    expect(rows).toBe(2);
    expect(csv.startsWith('\uFEFFBatch,Windows Product ID,Device Serial Number,Manufacturer name,Device model,Has hardware hash,Identity,Source,Scanned by,Scanned at,State')).toBe(true);
    expect(csv).toContain('PO-1,3905012345679,PF1ABCDE,LENOVO,20XW,no,PKID,wedge,Olga,2026-11-23T08:00:00.000Z,removed,Lena,2026-11-23T09:00:00.000Z,wrong pallet,808,ZtdDeviceAssignedToOtherTenant,');
  });

  it('names the identity of every line, and what a line without one lacks', () => {
    const { csv } = reportCsv('PO-1', [
      reviewDevice({ id: 1 }),
      reviewDevice({ id: 2, pkid: null, serial: 'PF2', manufacturer: null, model: null }, HASH),
      reviewDevice({ id: 3, pkid: null, serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' }),
      reviewDevice({ id: 4, pkid: null, serial: 'PF4', manufacturer: 'LENOVO', model: null }),
    ]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Identity)).toEqual([
      'PKID',
      'Hardware hash',
      'Serial + manufacturer + model',
      'None: Serial PF4 has no PKID or hardware hash, so it needs its model exactly as the firmware reports them.',
    ]);
    expect(rows.map((r) => r['Has hardware hash'])).toEqual(['no', 'yes', 'no', 'no']);
  });
});

describe('exports read from an iterator, a slice at a time', () => {
  it('writes the same text in slices as csv-stringify does in one call, the BOM once (fast-check, up to 2,600 rows)', () => {
    const cell = fc.string({ unit: fc.constantFrom('A', '1', '=', ',', '"', '\n', ' ', 'é'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 2_600 }), fc.boolean(), (rows, bom) => {
        function* lazily() {
          yield* rows;
        }
        const whole = stringify([['a', 'b'], ...rows], { escape_formulas: true, record_delimiter: 'windows', bom });
        expect(toCsv(['a', 'b'], lazily(), { bom })).toBe(whole);
      }),
      { numRuns: 25 },
    );
  });

  it('takes the Partner Center lines from a one-pass generator and still names a problem found past the first slice', () => {
    const many = (extra: ExportDevice[]) =>
      function* () {
        for (let i = 0; i < 2_500; i++) yield device({ id: i + 1, pkid: String(3_905_000_000_000 + i) });
        yield* extra;
      };
    const fine = partnerCenterCsv(many([])());
    if (!fine.ok) throw new Error('expected a file');
    expect(fine.rows).toBe(2_500);
    expect(parse(fine.csv, { columns: true })).toHaveLength(2_500);
    const refused = partnerCenterCsv(many([device({ id: 9_001, pkid: null, serial: 'SN9' })])());
    expect(refused).toEqual({ ok: false, problems: [expect.objectContaining({ line: 2_502, deviceId: 9_001, field: 'identity' })] });
  });
});
