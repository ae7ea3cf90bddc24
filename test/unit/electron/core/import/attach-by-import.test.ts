// A Get-WindowsAutopilotInfo file for boxes already in the batch: each line's hash goes onto that box's
// line (by PKID, else by serial), as review:attachHash does, instead of being refused as a duplicate.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const hash = (seed: string) => {
  const parts: Buffer[] = [];
  for (let i = 0; parts.length * 32 < 1536; i++) parts.push(createHash('sha256').update(`${seed}/${i}`).digest());
  return Buffer.concat(parts).subarray(0, 1536).toString('base64');
};
const GWAI = 'Device Serial Number,Windows Product ID,Hardware Hash';
const file = (lines: string[]) => `${GWAI}\r\n${lines.join('\r\n')}\r\n`;

describe('import: a hash for a box already in the batch', () => {
  it('previews it as attached, attaches it on commit, audited as review:attachHash, and imports the other lines', async () => {
    t = await reviewStation();
    await t.scan('3905012345678');
    const id = (t.station.database.sqlite.prepare('SELECT id FROM devices').get() as { id: number }).id;
    const text = file([`PF1,3905012345678,${hash('a')}`, `PF2,,${hash('b')}`]);
    const preview = await t.must('import:preview', { batchId: t.batchId, fileName: 'gwai.csv', contentBase64: t.base64(text) });
    expect(preview).toMatchObject({ accepted: 1, attached: 1, refusedCount: 0, attachSample: [{ line: 2, deviceId: id, pkid: '3905012345678' }] });
    const done = await t.must('import:commit', { batchId: t.batchId, fileName: 'gwai.csv', contentBase64: t.base64(text), token: preview.token });
    expect(done).toMatchObject({ imported: 1, attached: 1 });
    const rows = t.station.database.sqlite.prepare('SELECT id, pkid, serial, hardware_hash AS h FROM devices ORDER BY id').all() as { id: number; pkid: string | null; serial: string | null; h: string | null }[];
    expect(rows.map((r) => [r.pkid, r.serial, r.h === null ? null : r.h.length])).toEqual([
      ['3905012345678', null, hash('a').length],
      [null, 'PF2', hash('b').length],
    ]);
    expect(auditRows(t, 'review:attachHash')).toEqual([expect.objectContaining({ operator_name: 'Lena', object_id: String(id), detail: expect.objectContaining({ fileName: 'gwai.csv', line: 2, replaced: false }) })]);
    expect(auditRows(t, 'import:commit')[0]?.detail).toMatchObject({ imported: 1, attached: 1 });
    // The same file again: the hash is on that line now, so it is refused like any duplicate.
    const again = await t.must('import:preview', { batchId: t.batchId, fileName: 'gwai.csv', contentBase64: t.base64(text) });
    expect(again).toMatchObject({ accepted: 0, attached: 0, refusedCount: 2 });
  });

  it('still refuses a box of another batch', async () => {
    t = await reviewStation();
    const other = await t.must('batches:create', { name: 'Dock-B' }, t.operator);
    await t.scan('3905012345678', t.operator, other.id);
    await t.scan('3905012345679');
    const text = file([`PF1,3905012345678,${hash('a')}`]);
    expect(await t.must('import:preview', { batchId: t.batchId, fileName: 'g.csv', contentBase64: t.base64(text) })).toMatchObject({ attached: 0, refused: [{ line: 2, reason: 'other-batch' }] });
  });
});
