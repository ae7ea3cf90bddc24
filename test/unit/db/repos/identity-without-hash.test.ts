// Lists, reports and the approval gate read a hash's length, never its text: on a real SQLite file their
// identity answers must be the ones the full rows (hash text included) give under the one rule.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateBatchDevices, iterateExportDevices, listReviewDevices } from '../../../../db/repos/review';
import { shiftReport } from '../../../../db/repos/reports';
import { devicesWithoutIdentity } from '../../../../electron/core/sync/identity-gate';
import { identityOf, summariseIdentity, type IdentityFields } from '../../../../shared/domain/identity';
import { reviewStation, type ReviewStation } from '../../../helpers/review-station';

let t: ReviewStation;
beforeAll(async () => {
  t = await reviewStation();
});
afterAll(() => t.cleanup());

// As import stores them: a compacted, checked hash or none; blanks become null.
const value = (v: fc.Arbitrary<string>) => fc.option(v, { nil: null });
const stored: fc.Arbitrary<Omit<IdentityFields, 'pkid'> & { hasPkid: boolean }> = fc
  .record({
    hasPkid: fc.boolean(),
    serial: value(fc.stringMatching(/^[A-Z0-9]{1,10}$/)),
    manufacturer: value(fc.constantFrom('Dell Inc.', 'LENOVO', 'HP')),
    model: value(fc.constantFrom('Latitude 5440', '21HD', 'EliteBook 840')),
    hardwareHash: value(fc.integer({ min: 1024, max: 4096 }).map((bytes) => Buffer.alloc(bytes, bytes % 251).toString('base64'))),
  })
  .filter((d) => d.hasPkid || d.serial !== null || d.hardwareHash !== null);

function boxOf(d: IdentityFields & { id: number }): string {
  if (d.pkid !== null) return `p:${d.pkid}`;
  if (d.serial !== null) return `s:${d.serial.toUpperCase()}|${d.manufacturer?.toUpperCase() ?? ''}`;
  if (d.hardwareHash !== null) return `h:${d.hardwareHash}`;
  return `d:${d.id}`;
}

let nextPkid = 3_905_100_000_000;
let batchNo = 0;

function seed(records: readonly (Omit<IdentityFields, 'pkid'> & { hasPkid: boolean })[], at: number): { batchId: number; full: (IdentityFields & { id: number })[] } {
  const sqlite = t.station.database.sqlite;
  const batchId = Number(sqlite.prepare("INSERT INTO batches (name, name_key, state, created_by, created_at) VALUES (?, ?, 'open', 1, ?)").run(`P-${++batchNo}`, `p-${batchNo}`, at).lastInsertRowid);
  const insert = sqlite.prepare(
    "INSERT INTO devices (batch_id, pkid, serial, manufacturer, model, hardware_hash, raw, source, scanned_by, scanned_at, state, error_code) VALUES (?, ?, ?, ?, ?, ?, 'x', 'import', 1, ?, 'failed', '802')",
  );
  for (const r of records) insert.run(batchId, r.hasPkid ? String(nextPkid++) : null, r.serial, r.manufacturer, r.model, r.hardwareHash, at);
  const full = sqlite.prepare('SELECT id, pkid, serial, manufacturer, model, hardware_hash AS hardwareHash FROM devices WHERE batch_id = ? ORDER BY id').all(batchId) as (IdentityFields & { id: number })[];
  return { batchId, full };
}

describe('identity read without the hash text', () => {
  it('review rows, the report iterator, the approval gate and the shift report agree with the full rows (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(stored, { minLength: 1, maxLength: 12 }), (records) => {
        // A day of its own per run, so the shift report sees only this run's devices.
        const at = Date.UTC(2026, 0, 1) + batchNo * 86_400_000;
        const { batchId, full } = seed(records, at);
        const expected = full.map((d) => summariseIdentity(d));

        const page = listReviewDevices(t.station.database.db, { batchId, state: 'all' }, 0, 100).rows;
        expect(page.map((r) => r.identity)).toEqual(expected);
        expect(page.map((r) => r.hasHardwareHash)).toEqual(full.map((d) => d.hardwareHash !== null));
        expect([...iterateBatchDevices(t.station.database.db, batchId)]).toEqual(page);

        const noIdentity = full.flatMap((d) => {
          const r = identityOf(d);
          return r.ok ? [] : [{ deviceId: d.id, problem: r.problem }];
        });
        expect(devicesWithoutIdentity(t.station.database.db, batchId)).toEqual(noIdentity);

        // The report counts boxes, not lines: the same PKID, serial + maker or the whole hash twice is one box
        // (its last line speaks for it), as the duplicate checks decide.
        const lastOfBox = new Map<string, number>();
        full.forEach((d, i) => lastOfBox.set(boxOf(d), i));
        const kinds = new Map<string, number>();
        for (const i of lastOfBox.values()) {
          const kind = expected[i]?.kind ?? '';
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
        const counted = shiftReport(t.station.database.db, at, at + 86_400_000).errorIdentities ?? [];
        expect(new Map(counted.map((e) => [e.identity ?? '', e.count]))).toEqual(kinds);
      }),
      { numRuns: 40 },
    );
  });

  it('two hashes that differ only past their first kilobyte are two boxes in the shift report, the same hash twice is one', () => {
    const head = Buffer.alloc(3000, 7);
    const hash = (tail: number) => Buffer.concat([head, Buffer.alloc(700, tail)]).toString('base64');
    const at = Date.UTC(2024, 5, 1);
    const only = { hasPkid: false, serial: null, manufacturer: null, model: null } as const;
    seed([{ ...only, hardwareHash: hash(1) }, { ...only, hardwareHash: hash(2) }, { ...only, hardwareHash: hash(2) }], at);
    expect(shiftReport(t.station.database.db, at, at + 86_400_000).errorIdentities).toEqual([{ code: '802', identity: 'hash', count: 2 }]);
  });

  it('the Partner Center export still reads the hash text itself, live lines only, in scan order', () => {
    const { batchId, full } = seed([{ hasPkid: false, serial: 'PF1', manufacturer: null, model: null, hardwareHash: Buffer.alloc(3750, 9).toString('base64') }, { hasPkid: true, serial: null, manufacturer: null, model: null, hardwareHash: null }], Date.UTC(2025, 0, 1));
    t.station.database.sqlite.prepare('UPDATE devices SET removed_at = 1 WHERE id = ?').run(full[1]?.id);
    expect([...iterateExportDevices(t.station.database.db, batchId)]).toEqual([full[0]]);
    expect(full[0]?.hardwareHash).toHaveLength(5000);
  });
});
