// Export then import gives the same devices: the report and the Partner Center file both read back.
import { afterEach, describe, expect, it } from 'vitest';
import { reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let a: ReviewStation | undefined;
let b: ReviewStation | undefined;
afterEach(() => {
  a?.cleanup();
  b?.cleanup();
});

type Row = { pkid: string | null; serial: string | null; manufacturer: string | null; model: string | null };
const devicesOf = (s: ReviewStation): Row[] =>
  s.station.database.sqlite.prepare('SELECT pkid, serial, manufacturer, model FROM devices WHERE removed_at IS NULL ORDER BY pkid').all() as Row[];

async function importText(s: ReviewStation, fileName: string, text: string) {
  const contentBase64 = s.base64(text);
  const preview = await s.must('import:preview', { batchId: s.batchId, fileName, contentBase64 });
  return s.must('import:commit', { batchId: s.batchId, fileName, contentBase64, token: preview.token });
}

describe('export then import', () => {
  it('the report round-trips PKID, serial, make and model, formula-like values included; removed lines stay out', async () => {
    a = await reviewStation();
    const lines = [
      'Windows Product ID,Device Serial Number,Manufacturer name,Device model',
      '3905012345678,PF1ABCDE,LENOVO,ThinkPad T14',
      '3905012345679,-SN2,+Maker,@Model',
      '3905012345680,=SN3,Dell Inc.,Latitude 5440',
      '3905012345681,,,',
    ];
    await importText(a, 'first.csv', lines.join('\n'));
    await a.scan('3905012345690');
    const removed = (a.station.database.sqlite.prepare("SELECT id FROM devices WHERE pkid = '3905012345681'").get() as { id: number }).id;
    await a.must('review:removeDevice', { deviceId: removed, reason: 'wrong pallet' });
    const report = await a.must('export:batch', { batchId: a.batchId, format: 'report' });
    expect(report.rows).toBe(5);
    expect(report.csv).toContain("'-SN2,'+Maker,'@Model");

    b = await reviewStation();
    const back = await importText(b, report.fileName, report.csv);
    expect(back).toMatchObject({ imported: 4, refusedCount: 1, refused: [{ reason: 'removed-in-file' }] });
    expect(devicesOf(b)).toEqual(devicesOf(a));
  });

  it('the Partner Center file round-trips the PKIDs', async () => {
    a = await reviewStation();
    for (const p of ['3905012345678', '3905012345679', '3905012345680']) await a.scan(p);
    const pc = await a.must('export:batch', { batchId: a.batchId, format: 'partner-center' });
    expect(pc).toMatchObject({ fileName: 'PO-4711-partner-center.csv', rows: 3 });
    b = await reviewStation();
    expect(await importText(b, pc.fileName, pc.csv)).toMatchObject({ imported: 3, refusedCount: 0 });
    expect(devicesOf(b).map((d) => d.pkid)).toEqual(devicesOf(a).map((d) => d.pkid));
  });

  it('refuses a Partner Center export of a line Partner Center could not take, naming the line', async () => {
    a = await reviewStation();
    await a.scan('3905012345678');
    a.station.database.sqlite.prepare("INSERT INTO devices (batch_id, serial, raw, source, scanned_by, scanned_at) VALUES (?, 'SN9', 'SN9', 'wedge', 2, 1)").run(a.batchId);
    const r = await a.station.call('export:batch', { batchId: a.batchId, format: 'partner-center' }, { sessionToken: a.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/Line 3 \(serial SN9, device \d+\) cannot be sent: Serial SN9 has no PKID or hardware hash/), details: { problems: [{ line: 3 }] } } });
  });
});
