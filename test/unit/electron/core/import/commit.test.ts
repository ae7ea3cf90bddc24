// import:commit writes every accepted line in one transaction or nothing, only what the preview
// showed, and leaves an audit row naming the file, its sha256 and the counts.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BASE64, REFUSED_LINES_SHOWN } from '../../../../../shared/contract/import';
import { planDeviceImport } from '../../../../../electron/core/import/plan';
import { snapshotDatabase } from '../../../../helpers/temp-station';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const pkids = (n: number, first = 3_905_012_300_000) => Array.from({ length: n }, (_, i) => String(first + i));
const csv = (list: readonly string[]) => `Windows Product ID\r\n${list.join('\r\n')}\r\n`;

async function previewOf(s: ReviewStation, text: string, fileName = 'asn.csv', batchId = s.batchId) {
  return s.must('import:preview', { batchId, fileName, contentBase64: s.base64(text) });
}

describe('import:preview and import:commit', () => {
  it('imports every accepted line as source import, scanned by the lead, with one audit row', async () => {
    t = await reviewStation();
    const text = csv(pkids(50));
    const preview = await previewOf(t, text);
    expect(preview).toMatchObject({ accepted: 50, refusedCount: 0, rows: 50, sha256: createHash('sha256').update(text).digest('hex') });
    const done = await t.must('import:commit', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64(text), token: preview.token });
    expect(done.imported).toBe(50);
    const rows = t.station.database.sqlite.prepare('SELECT d.source, o.name AS by, d.raw FROM devices d JOIN operators o ON o.id = d.scanned_by ORDER BY d.id').all() as { source: string; by: string; raw: string }[];
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => `${r.source}/${r.by}`))).toEqual(new Set(['import/Lena']));
    expect(rows[0]?.raw).toBe('import asn.csv line 2');
    expect(auditRows(t, 'import:commit')).toEqual([
      expect.objectContaining({ operator_name: 'Lena', detail: expect.objectContaining({ fileName: 'asn.csv', sha256: preview.sha256, imported: 50, refused: 0, rows: 50 }) }),
    ]);
  });

  it('names where each refused PKID already is: this batch, another batch, registered', async () => {
    t = await reviewStation();
    const [a = '', b = '', c = '', d = ''] = pkids(4);
    await t.scan(a);
    const other = await t.must('batches:create', { name: 'PO-4712' }, t.operator);
    await t.scan(b, t.operator, other.id);
    await t.scan(c, t.operator, other.id);
    t.station.database.sqlite.prepare("UPDATE devices SET state = 'registered' WHERE pkid = ?").run(c);
    const preview = await previewOf(t, csv([a, b, c, d]));
    expect(preview.accepted).toBe(1);
    expect(preview.refused).toEqual([
      { line: 2, reason: 'this-batch', message: expect.stringMatching(new RegExp(`PKID ${a} is already in this batch \\(scanned by Olga`)) },
      { line: 3, reason: 'other-batch', message: expect.stringMatching(new RegExp(`PKID ${b} is already in batch PO-4712`)) },
      { line: 4, reason: 'registered', message: `PKID ${c} is already registered (batch PO-4712).` },
    ]);
    expect(preview.refusedByReason).toEqual({ 'this-batch': 1, 'other-batch': 1, registered: 1 });
  });

  it('refuses a commit whose token does not match the file, and one where a PKID was scanned since the preview; nothing written', async () => {
    t = await reviewStation();
    const list = pkids(10);
    const preview = await previewOf(t, csv(list));
    const changed = csv([...list.slice(0, 9), '3905012399999']);
    const before = snapshotDatabase(t.station);
    expect(await t.station.call('import:commit', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64(changed), token: preview.token }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/preview the file again/) },
    });
    expect(snapshotDatabase(t.station)).toBe(before);
    await t.scan(list[5] ?? '');
    const afterScan = snapshotDatabase(t.station);
    expect(await t.station.call('import:commit', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64(csv(list)), token: preview.token }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(snapshotDatabase(t.station)).toBe(afterScan);
  });

  it('is atomic: a failure while inserting leaves no line of the file behind', async () => {
    t = await reviewStation();
    const list = pkids(1000);
    const preview = await previewOf(t, csv(list));
    // A trigger makes the 500th insert fail, as a full disk or a constraint would mid-way.
    t.station.database.sqlite.exec(`CREATE TEMP TRIGGER fail_mid BEFORE INSERT ON devices WHEN NEW.pkid = '${list[499]}' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
    const before = snapshotDatabase(t.station);
    const r = await t.station.call('import:commit', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64(csv(list)), token: preview.token }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshotDatabase(t.station)).toBe(before);
    t.station.database.sqlite.exec('DROP TRIGGER fail_mid');
  });

  it('refuses a commit when nothing can be imported, listing the lines', async () => {
    t = await reviewStation();
    const text = 'PKID\n12345\nabc\n';
    const preview = await previewOf(t, text);
    const before = snapshotDatabase(t.station);
    const r = await t.station.call('import:commit', { batchId: t.batchId, fileName: 'bad.csv', contentBase64: t.base64(text), token: preview.token }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Nothing in bad.csv can be imported: all 2 lines were refused.', details: { refused: [{ line: 2 }, { line: 3 }] } } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('imports only into an open or closed batch', async () => {
    t = await reviewStation();
    t.station.database.sqlite.prepare("UPDATE batches SET state = 'approved' WHERE id = ?").run(t.batchId);
    const r = await t.station.call('import:preview', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(csv(pkids(1))) }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/approved: its lines can no longer be changed/) } });
  });

  it('refuses an oversized file at the door (the 1 GB case, simulated by the limit) and bad base64', async () => {
    t = await reviewStation();
    const huge = 'A'.repeat(MAX_IMPORT_BASE64 + 4);
    expect(await t.station.call('import:preview', { batchId: t.batchId, fileName: 'huge.csv', contentBase64: huge }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/A file is at most 47 MB; split it/) },
    });
    expect(await t.station.call('import:preview', { batchId: t.batchId, fileName: 'x.csv', contentBase64: 'not base64!' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/base64/) },
    });
  });
});

describe('planDeviceImport at scale', () => {
  const none = { livePkids: () => [], liveSerials: () => [], liveHashes: () => [], remotePkids: () => [], remoteSerials: () => [] };

  it('a million lines of the same PKID: one accepted, the rest counted, the first 1,000 listed', () => {
    const text = `PKID\n${'3905012345678\n'.repeat(1_000_000)}`;
    const r = planDeviceImport(Buffer.from(text), 'same.csv', 1, none, 64 * 1024 * 1024);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.accepted).toHaveLength(1);
    expect(r.plan.refusals.count).toBe(999_999);
    expect(r.plan.refusals.byReason).toEqual({ 'duplicate-in-file': 999_999 });
    const shown = r.plan.refusals.lines();
    expect(shown).toHaveLength(REFUSED_LINES_SHOWN);
    expect(shown[0]).toEqual({ line: 3, reason: 'duplicate-in-file', message: 'PKID 3905012345678 is also on line 2 of this file.' });
    expect(shown.at(-1)?.line).toBe(1002);
  }, 60_000);

  it('keeps the first refused lines by line number when database refusals come after parse refusals', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? 'bad' : String(3_905_012_300_000 + i)));
    const holders = (list: readonly string[]) => list.map((value) => ({ value, deviceId: 1, batchId: 2, batchName: 'X', state: 'scanned', manufacturer: null, scannedBy: 'O', scannedAt: 0 }));
    const r = planDeviceImport(Buffer.from(`PKID\n${lines.join('\n')}\n`), 'mixed.csv', 1, { ...none, livePkids: holders });
    if (!r.ok) throw new Error(r.message);
    const shown = r.plan.refusals.lines();
    expect(r.plan.refusals.count).toBe(3000);
    expect(shown.map((x) => x.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    expect(shown.slice(0, 2).map((x) => x.reason)).toEqual(['bad-pkid', 'other-batch']);
  });
});
