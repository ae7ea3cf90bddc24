// Expected vs scanned: an advance ship notice, replace or append, and the reconciliation.
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../../helpers/temp-station';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const asn = (lines: string[]) => `Windows Product ID,Device Serial Number,Manufacturer,Model\r\n${lines.join('\r\n')}\r\n`;

describe('expected:import and expected:reconcile', () => {
  it('matches by PKID, or by serial when a line has none; lists missing and unexpected', async () => {
    t = await reviewStation();
    const r = await t.must('expected:import', {
      batchId: t.batchId,
      fileName: 'asn.csv',
      contentBase64: t.base64(asn(['3905012345678,SN1,LENOVO,20XW', '3905012345679,SN2,LENOVO,20XW', ',SN3,LENOVO,20XW', ',SN4,LENOVO,20XW', 'bad,SN5,,'])),
      mode: 'replace',
    });
    expect(r).toMatchObject({ imported: 4, replaced: 0, refusedCount: 1, refused: [{ line: 6, reason: 'bad-pkid' }] });
    expect(await t.must('expected:reconcile', { batchId: t.batchId }, t.operator)).toMatchObject({ expected: 4, scanned: 0, matched: 0, missing: 4, unexpected: 0 });
    await t.scan('3905012345678');
    await t.scan('3905012345690');
    await t.scan('3905012345691');
    const id = (t.station.database.sqlite.prepare("SELECT id FROM devices WHERE pkid = '3905012345691'").get() as { id: number }).id;
    await t.must('review:fixDevice', { deviceId: id, serial: 'SN3', reason: 'label' });
    const rec = await t.must('expected:reconcile', { batchId: t.batchId, limit: 10 }, t.operator);
    expect(rec).toMatchObject({ expected: 4, scanned: 3, matched: 2, missing: 2, unexpected: 1 });
    expect(rec.missingLines.map((l) => [l.line, l.pkid, l.serial, l.sourceFile])).toEqual([
      [3, '3905012345679', 'SN2', 'asn.csv'],
      [5, null, 'SN4', 'asn.csv'],
    ]);
    expect(rec.unexpectedDevices).toEqual([expect.objectContaining({ pkid: '3905012345690', scannedBy: 'Olga' })]);
    expect((await t.must('expected:reconcile', { batchId: t.batchId, limit: 0 }, t.operator)).missingLines).toEqual([]);
  });

  it('replace swaps the list, append adds to it refusing lines already expected; audited', async () => {
    t = await reviewStation();
    await t.must('expected:import', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(asn(['3905012345678,,,', '3905012345679,,,'])), mode: 'replace' });
    const appended = await t.must('expected:import', { batchId: t.batchId, fileName: 'b.csv', contentBase64: t.base64(asn(['3905012345679,,,', '3905012345680,,,'])), mode: 'append' });
    expect(appended).toMatchObject({ imported: 1, replaced: 0, refused: [{ line: 2, reason: 'already-expected' }] });
    const replaced = await t.must('expected:import', { batchId: t.batchId, fileName: 'c.csv', contentBase64: t.base64(asn(['3905012345681,,,'])), mode: 'replace' });
    expect(replaced).toMatchObject({ imported: 1, replaced: 3 });
    expect((await t.must('expected:reconcile', { batchId: t.batchId })).expected).toBe(1);
    expect(auditRows(t, 'expected:import').map((a) => [a.detail.fileName, a.detail.mode, a.detail.imported])).toEqual([
      ['a.csv', 'replace', 2],
      ['b.csv', 'append', 1],
      ['c.csv', 'replace', 1],
    ]);
  });

  it('a file with nothing usable does not wipe the list it was to replace', async () => {
    t = await reviewStation();
    await t.must('expected:import', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(asn(['3905012345678,,,'])), mode: 'replace' });
    const before = snapshotDatabase(t.station);
    for (const content of [asn(['123,,,']), '', 'Asset,Where\n1,2\n']) {
      const r = await t.station.call('expected:import', { batchId: t.batchId, fileName: 'bad.csv', contentBase64: t.base64(content), mode: 'replace' }, { sessionToken: t.lead });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('previews a list without writing, and imports exactly what was previewed (token bound to file, mode and list)', async () => {
    t = await reviewStation();
    await t.must('expected:import', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(asn(['3905012345678,,,', '3905012345679,,,'])), mode: 'replace' });
    const file = { batchId: t.batchId, fileName: 'b.csv', contentBase64: t.base64(asn(['3905012345680,SN80,,', 'bad,,,'])) };
    const before = snapshotDatabase(t.station);
    const p = await t.must('expected:preview', { ...file, mode: 'replace' });
    expect(p).toMatchObject({ accepted: 1, replaces: 2, refusedCount: 1, refused: [{ line: 3, reason: 'bad-pkid' }], sample: [{ line: 2, pkid: '3905012345680', serial: 'SN80' }] });
    expect(snapshotDatabase(t.station)).toBe(before);
    // The same file in the other mode, or after the list changed, is not what was previewed.
    expect(await t.station.call('expected:import', { ...file, mode: 'append', token: p.token }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshotDatabase(t.station)).toBe(before);
    expect(await t.must('expected:import', { ...file, mode: 'replace', token: p.token })).toMatchObject({ imported: 1, replaced: 2 });
    expect(await t.station.call('expected:import', { ...file, mode: 'replace', token: p.token }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
