// 10,000 random reads through the real dispatcher and SQLite: whatever a scanner or a stuck key
// sends, the station answers with a verdict, never crashes, and stores only well-formed boxes.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanVerdict } from '../../../shared/contract/scans';
import { verifyStation } from '../../../electron/core/verify';
import { scanStation, type ScanStation } from '../../helpers/scan-station';

let t: ScanStation;
beforeAll(async () => {
  // fsync on tmpfs is nearly free: this test is about what is stored, not about durability.
  if (existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';
  t = await scanStation();
});
afterAll(() => t.cleanup());

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const aim = fc.constantFrom('', ']C0', ']C1', ']E0', ']A0', ']d2', ']Q1', ']X9');
const suffix = fc.constantFrom('', '\r', '\n', '\r\n', '\t', '\u001d', '<GS>');
const read = fc.oneof(
  fc.tuple(aim, digits(13, 13), suffix).map(([a, d, s]) => a + d + s),
  fc.tuple(aim, digits(1, 30), suffix).map(([a, d, s]) => a + d + s),
  fc.stringMatching(/^[A-Z0-9]{5,14}$/),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

it('answers 10,000 random reads with a verdict and stores only well-formed boxes', async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(read, fc.boolean(), async (raw, confirmPkid) => {
      const result = await t.station.call('scans:record', { batchId: t.batchId, raw, source: 'wedge', confirmPkid }, { sessionToken: t.token });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(scanVerdict.safeParse(result.value).success).toBe(true);
      if (result.value.verdict === 'accepted' && result.value.effect === 'new-box') accepted++;
    }),
    { numRuns: 10_000 },
  );
  const sqlite = t.station.database.sqlite;
  const stored = sqlite.prepare('SELECT pkid, serial FROM devices WHERE removed_at IS NULL').all() as { pkid: string | null; serial: string | null }[];
  expect(stored.length).toBe(accepted);
  expect(accepted).toBeGreaterThan(100);
  for (const row of stored) {
    expect(row.pkid).toMatch(/^\d{13}$/);
    if (row.serial !== null) expect(row.serial).toMatch(/^[\x21-\x7e]+$/);
  }
  expect(new Set(stored.map((r) => r.pkid)).size).toBe(stored.length);
  expect(verifyStation(sqlite, t.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
}, 300_000);
