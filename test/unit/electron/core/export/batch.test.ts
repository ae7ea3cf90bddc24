// export:batch reads the batch straight from the database, row by row; text too long for one string
// is refused with what to do, and the connection is free again afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../../../../electron/core/export/batch';
import { reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const HASH = Buffer.alloc(3750, 5).toString('base64');

async function hashBatch(): Promise<ReviewStation> {
  const s = await reviewStation();
  const insert = s.station.database.sqlite.prepare("INSERT INTO devices (batch_id, serial, hardware_hash, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, 'x', 'import', 1, 1)");
  for (let i = 0; i < 1_200; i++) insert.run(s.batchId, `PF${i}`, HASH);
  return s;
}

describe('exportBatch', () => {
  it('writes every line of both files from the database iterator, the hash in full in the Partner Center one only', async () => {
    t = await hashBatch();
    const deps = { db: t.station.database.db, sqlite: t.station.database.sqlite };
    const pc = exportBatch(deps, t.batchId, 'partner-center');
    if (!pc.ok) throw new Error(pc.error.message);
    expect(pc.value.rows).toBe(1_200);
    expect(pc.value.csv.split('\r\n')[1]).toBe(`PF0,,${HASH},,`);
    const report = exportBatch(deps, t.batchId, 'report');
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.rows).toBe(1_200);
    expect(report.value.csv).not.toContain(HASH);
    expect(report.value.csv.split('\r\n')[1]).toContain(',PF0,,,yes,Hardware hash,import,');
  });

  it('refuses a file longer than one string can hold, saying what to do, and leaves the database usable', async () => {
    t = await hashBatch();
    const deps = { db: t.station.database.db, sqlite: t.station.database.sqlite };
    for (const format of ['partner-center', 'report'] as const) {
      expect(exportBatch(deps, t.batchId, format, 100_000)).toEqual({
        ok: false,
        error: {
          code: 'INVALID_STATE',
          message: expect.stringMatching(/^Batch PO-4711 is too large for one CSV file \(more than 100,000 characters.*Upload it from the station/),
          say: { key: 'export.tooLarge', params: { batch: 'PO-4711', max: 100_000 } },
        },
      });
    }
    expect(await t.must('review:devices', { batchId: t.batchId, limit: 1 })).toMatchObject({ totals: { byState: { all: 1_200 } } });
  });
});
