// A full disk, made exact with SQLite's max_page_count (the same SQLITE_FULL a full tmpfs gives):
// the station says "disk full" plainly, refuses new scans instead of pretending, and loses nothing it
// had already acknowledged.
import { afterEach, expect, it } from 'vitest';
import { verifyStation } from '../../../electron/core/verify';
import { scanStation, type ScanStation } from '../../helpers/scan-station';

let t: ScanStation | undefined;
afterEach(() => t?.cleanup());

it('reports a full disk, refuses new scans, and keeps every acknowledged one', async () => {
  t = await scanStation();
  const sqlite = t.station.database.sqlite;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages + 3}`);
  const acknowledged: string[] = [];
  let full: { code: string; message: string } | null = null;
  for (let i = 0; i < 5_000 && !full; i++) {
    const pkid = String(3_800_000_000_000 + i * 10 + 1);
    const result = await t.station.call('scans:record', { batchId: t.batchId, raw: pkid, source: 'wedge', confirmPkid: true }, { sessionToken: t.token });
    if (result.ok) {
      expect(result.value.verdict).toBe('accepted');
      acknowledged.push(pkid);
    } else full = result.error;
  }
  expect(full).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*nothing new can be stored.*already stored is safe/i) });
  expect(acknowledged.length).toBeGreaterThan(0);
  // Still full: the next scan is refused the same way, never acknowledged.
  const again = await t.station.call('scans:record', { batchId: t.batchId, raw: '3899999999991', source: 'wedge', confirmPkid: true }, { sessionToken: t.token });
  expect(again).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  const stored = (sqlite.prepare('SELECT pkid FROM devices WHERE removed_at IS NULL').all() as { pkid: string }[]).map((r) => r.pkid);
  expect(stored.sort()).toEqual([...acknowledged].sort());
  // Space comes back: scanning goes on, and the database is whole.
  sqlite.pragma('max_page_count = 1073741823');
  expect(await t.scan('3899999999991', { confirmPkid: true })).toMatchObject({ verdict: 'accepted' });
  expect(verifyStation(sqlite, t.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
});
