// A disk that really fills up: the station's data folder on a small tmpfs, most of it taken by a
// filler file beside it. Scans go in until the kernel says ENOSPC; the station must then say "disk
// full" plainly, refuse every further scan instead of acknowledging it, and, once the filler is
// deleted and the station reopened, hold exactly the scans it acknowledged and carry on scanning.
// Mounting needs root or `unshare -rm`, so this file runs only in `npm run test:fault`
// (DOCKSIDE_FAULT_TMPFS=1, see vitest.config.ts), never skipped: without a mount it fails and says why.
import { existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log';
import { createStation, type Station } from '../../electron/core/station';
import { verifyStation } from '../../electron/core/verify';
import { tempStation } from '../helpers/temp-station';
import { mountTmpfs, type Tmpfs } from '../helpers/tmpfs';

const MiB = 1024 * 1024;
const TMPFS_BYTES = 24 * MiB;
/**
 * Room left for the station once the filler is written: the WAL alone grows to ~4 MiB before its
 * first checkpoint (1,000 pages) and keeps that size, so this leaves a few MiB for the scans
 * themselves: some thousands of them.
 */
const ROOM_BYTES = 7 * MiB;
const OPERATOR = { name: 'Olga', pin: '602817' };

let fs: Tmpfs;
let station: Station | undefined;

beforeAll(() => {
  fs = mountTmpfs(TMPFS_BYTES);
});
afterAll(() => {
  station?.close();
  fs?.unmount();
});

const pkidFor = (i: number) => String(3_800_000_000_000 + i * 10 + 1);

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function record(s: Station, token: string, batchId: number, pkid: string) {
  return s.call('scans:record', { batchId, raw: pkid, source: 'wedge', confirmPkid: true }, { sessionToken: token });
}

it('says "disk full", refuses new scans, keeps every acknowledged one, and scans again once space returns', async () => {
  const dataDir = join(fs.dir, 'station');
  const t = await tempStation({ dataDir });
  station = t.station;
  const token = await t.tokenFor('operator', OPERATOR.name);
  const batch = await t.station.call('batches:create', { name: 'Tmpfs' }, { sessionToken: token });
  if (!batch.ok) throw new Error(batch.error.message);
  const batchId = batch.value.id;

  const filler = join(fs.dir, 'filler.bin');
  const fillerBytes = Math.floor((fs.freeBytes() - ROOM_BYTES) / 4096) * 4096;
  expect(fillerBytes, 'the tmpfs is too small for the station plus the room left for scans').toBeGreaterThan(0);
  writeFileSync(filler, Buffer.alloc(fillerBytes, 0x5a));

  const acknowledged: string[] = [];
  let full: { code: string; message: string } | null = null;
  let next = 0;
  // The bound only stops a station that never fills its disk; the assertions below say so.
  while (!full && next < 200_000) {
    const pkid = pkidFor(next++);
    const result = await record(t.station, token, batchId, pkid);
    if (result.ok) {
      expect(result.value.verdict).toBe('accepted');
      acknowledged.push(pkid);
    } else full = result.error;
  }
  const db = join(dataDir, 'dockside.sqlite');
  const sizesAtFull = { db: fileSize(db), wal: fileSize(`${db}-wal`), free: fs.freeBytes() };
  expect(full, `no DISK_FULL after ${next} scans`).toMatchObject({
    code: 'DISK_FULL',
    message: expect.stringMatching(/disk is full.*nothing new can be stored.*already stored is safe/i),
  });
  expect(acknowledged.length).toBeGreaterThan(1_000);

  // Still full: every further scan is refused the same way and none is acknowledged.
  for (let i = 0; i < 25; i++) {
    const again = await record(t.station, token, batchId, pkidFor(next++));
    expect(again).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  }
  // A box scanned before the disk filled is never accepted a second time (a duplicate's audit row may
  // not fit either, so "disk full" is as right an answer as "duplicate").
  const repeat = await record(t.station, token, batchId, acknowledged[0] ?? '');
  expect(repeat.ok ? repeat.value.verdict : repeat.error.code).toMatch(/^(duplicate|DISK_FULL)$/);

  // Space comes back; the station is reopened the way a restart would.
  unlinkSync(filler);
  t.station.close();
  station = await createStation({ dataDir, pinCost: 10, logger: silentLogger });
  const stored = (station.database.sqlite.prepare('SELECT pkid FROM devices WHERE removed_at IS NULL ORDER BY pkid').all() as { pkid: string }[]).map((r) => r.pkid);
  expect(stored).toEqual([...acknowledged].sort());
  expect(verifyStation(station.database.sqlite, station.identity.seal.chainKeys())).toMatchObject({ ok: true });

  const signIn = await station.call('session:signIn', OPERATOR);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const after = await record(station, signIn.value.token, batchId, pkidFor(next));
  expect(after).toMatchObject({ ok: true, value: { verdict: 'accepted' } });

  console.log(
    `disk-tmpfs: ${TMPFS_BYTES / MiB} MiB tmpfs, ${(ROOM_BYTES / MiB).toFixed(0)} MiB left beside the filler; ` +
      `DISK_FULL after ${acknowledged.length} acknowledged scans (db ${(sizesAtFull.db / MiB).toFixed(2)} MiB, wal ${(sizesAtFull.wal / MiB).toFixed(2)} MiB, ${sizesAtFull.free} bytes free); ` +
      `26 scans refused while full; all ${acknowledged.length} present after reopening; scanning resumed`,
  );
}, 600_000);
