// Every file of the fixture corpus through import:preview and import:commit on a real station: what
// is read is read, what is refused is refused with its line number and a reason, and a file that
// cannot be imported leaves the database exactly as it was (every table compared).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../../helpers/temp-station';
import { reviewStation, type ReviewStation } from '../../../../helpers/review-station';

const dir = fileURLToPath(new URL('../../../../fixtures/import/', import.meta.url));
const fixture = (name: string) => readFileSync(dir + name);

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

async function preview(name: string) {
  if (!t) throw new Error('no station');
  return t.station.call('import:preview', { batchId: t.batchId, fileName: name, contentBase64: t.base64(fixture(name)) }, { sessionToken: t.lead });
}

const readable: [string, { encoding: string; delimiter: string; rows: number; accepted: number; refused: [number, string, RegExp][] }][] = [
  ['bom-utf8.csv', { encoding: 'utf-8-bom', delimiter: ',', rows: 3, accepted: 3, refused: [] }],
  ['semicolon.csv', { encoding: 'utf-8', delimiter: ';', rows: 3, accepted: 3, refused: [] }],
  ['tab.txt', { encoding: 'utf-8', delimiter: '\t', rows: 3, accepted: 3, refused: [] }],
  ['crlf-headerless.txt', { encoding: 'utf-8', delimiter: ',', rows: 5, accepted: 5, refused: [] }],
  ['utf16le-unicode-text.txt', { encoding: 'utf-16le', delimiter: '\t', rows: 2, accepted: 2, refused: [] }],
  ['windows-1252.csv', { encoding: 'windows-1252', delimiter: ';', rows: 2, accepted: 2, refused: [] }],
  ['headerless-two-columns.csv', { encoding: 'utf-8', delimiter: ',', rows: 2, accepted: 2, refused: [] }],
  // Devices named by another identity than a PKID (issue 8): the tuple, or a hardware hash.
  ['serial-only.csv', { encoding: 'utf-8', delimiter: ',', rows: 1, accepted: 1, refused: [] }],
  ['gwai-two-devices.csv', { encoding: 'utf-8', delimiter: ',', rows: 2, accepted: 2, refused: [] }],
  ['oem-hashes.csv', { encoding: 'utf-8', delimiter: ';', rows: 2, accepted: 2, refused: [] }],
  ['gwai-partner-utf16le.csv', { encoding: 'utf-16le', delimiter: ',', rows: 2, accepted: 2, refused: [] }],
  [
    'gwai-damaged-hash.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 4,
      accepted: 1,
      refused: [
        [3, 'bad-hash', /^Serial PF3KQ2B2: The hardware hash holds "…", which is not a base64 character: copy the hash again/],
        [4, 'bad-hash', /^Serial PF3KQ2B3: The hardware hash is only 128 bytes; a full \(4K\) hash is several kilobytes/],
        [5, 'bad-hash', /^Serial PF3KQ2B4: The hardware hash is not complete base64 \(its length or padding is wrong\)/],
      ],
    },
  ],
  [
    'tuple-devices.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 5,
      accepted: 3,
      refused: [
        [4, 'no-identity', /^Serial PF4ABCDE has no PKID or hardware hash, so it needs its model exactly as the firmware reports/],
        [6, 'serial-duplicate-in-file', /^Serial J7K2M93 \(DELL INC\.\) is also on line 3 of this file\.$/],
      ],
    },
  ],
  [
    'quoted.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 3,
      accepted: 1,
      refused: [
        [3, 'bad-value', /model "Multi<LF>line" holds a comma, a quote or a control character/],
        [5, 'bad-value', /manufacturer "LENOVO, Inc\." holds a comma/],
      ],
    },
  ],
  [
    'ragged.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 4,
      accepted: 2,
      refused: [
        [3, 'ragged', /has 2 fields where line 1 has 4/],
        [4, 'ragged', /has 5 fields where line 1 has 4: is there a "," inside a value/],
      ],
    },
  ],
  [
    'formulas.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 3,
      accepted: 1,
      refused: [
        [2, 'bad-pkid', /"=1\+2" is not a PKID/],
        [4, 'bad-value', /manufacturer "=HYPERLINK/],
      ],
    },
  ],
  [
    'duplicates.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 5,
      accepted: 3,
      refused: [
        [4, 'duplicate-in-file', /PKID 3905012345678 is also on line 2/],
        [6, 'duplicate-in-file', /also on line 2/],
      ],
    },
  ],
  [
    'excel-shortened.csv',
    {
      encoding: 'utf-8',
      delimiter: ',',
      rows: 3,
      accepted: 1,
      refused: [
        [2, 'bad-pkid', /spreadsheet turned into a rounded number: format the column as text/],
        [4, 'bad-pkid', /12 digits \(123456789012\): a PKID has exactly 13 digits/],
      ],
    },
  ],
];

const unreadable: [string, RegExp][] = [
  ['empty.csv', /^The file is empty\.$/],
  ['blank-lines.csv', /no lines with anything on them/],
  ['header-only.csv', /heading line but no devices/],
  ['binary.png', /looks like a PNG image, not a CSV or text file/],
  ['workbook.xlsx', /Excel workbook \(\.xlsx\): in Excel, use File > Save As > CSV/],
  ['unclosed-quote.csv', /^Line 3: a double quote \("\) opens a value that is never closed/],
  ['unknown-header.csv', /Line 1 does not name the columns/],
  ['serial-no-manufacturer.csv', /^Line 1 has a serial number column but no PKID or hardware hash column, so each device needs its manufacturer and model too: add "Manufacturer name"/],
];

describe('import fixture corpus', () => {
  it.each(readable)('%s is read, with each refused line named', async (name, want) => {
    t = await reviewStation();
    const before = snapshotDatabase(t.station);
    const r = await preview(name);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ encoding: want.encoding, delimiter: want.delimiter, rows: want.rows, accepted: want.accepted, refusedCount: want.refused.length });
    expect(r.value.refused.map((x) => [x.line, x.reason])).toEqual(want.refused.map(([line, reason]) => [line, reason]));
    for (const [i, [, , message]] of want.refused.entries()) expect(r.value.refused[i]?.message).toMatch(message);
    // A preview writes nothing.
    expect(snapshotDatabase(t.station)).toBe(before);

    const committed = await t.must('import:commit', { batchId: t.batchId, fileName: name, contentBase64: t.base64(fixture(name)), token: r.value.token });
    expect(committed.imported).toBe(want.accepted);
    const stored = t.station.database.sqlite.prepare("SELECT count(*) AS n FROM devices WHERE source = 'import' AND removed_at IS NULL").get() as { n: number };
    expect(stored.n).toBe(want.accepted);
  });

  it.each(unreadable)('%s is refused with a clear message and the database stays exactly as it was', async (name, message) => {
    t = await reviewStation();
    const before = snapshotDatabase(t.station);
    const r = await preview(name);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    const commit = await t.station.call('import:commit', { batchId: t.batchId, fileName: name, contentBase64: t.base64(fixture(name)), token: '0'.repeat(64) }, { sessionToken: t.lead });
    expect(commit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('keeps the text of a Windows-1252 file (accents and the euro sign)', async () => {
    t = await reviewStation();
    const r = await preview('windows-1252.csv');
    expect(r).toMatchObject({ ok: true, value: { sample: [{ manufacturer: 'Société IT', model: 'Modèle € 1' }, { model: 'Modèle € 2' }] } });
  });

  it('stores formula-like serials as they are (exports neutralise them)', async () => {
    t = await reviewStation();
    const r = await preview('formulas.csv');
    expect(r).toMatchObject({ ok: true, value: { sample: [{ line: 3, serial: '@SUM(A1)', manufacturer: '+LENOVO', model: '-20XW' }] } });
  });
});
