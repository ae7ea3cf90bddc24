// `dockside backup` and `dockside restore` as child processes over a real station folder: a restore
// brings back exactly the data of the backup point and the station opens and verifies; a damaged or
// foreign file, or a station still running, is refused with the database left untouched.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, closeSync, writeSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { verifyStation } from '../../../electron/core/verify';
import { makeTempDir, tempStation } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

function dockside(args: string[]) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function pkid(n: number): string {
  return String(3_800_000_000_000 + n * 10 + 1);
}

async function scanInto(station: Station, token: string, batchId: number, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const r = await station.call('scans:record', { batchId, raw: pkid(i), source: 'wedge', confirmPkid: true }, { sessionToken: token });
    if (!r.ok || r.value.verdict !== 'accepted') throw new Error(`scan ${i} was not accepted`);
  }
}

function devicesOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, batch_id, pkid, scanned_by, scanned_at FROM devices ORDER BY id').all();
  } finally {
    db.close();
  }
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

let dataDir: string;
let backupPath: string;
let atBackup: unknown[];

beforeEach(async () => {
  // 300 scans, a backup through the CLI, then 50 more scans after it.
  const t = await tempStation();
  dataDir = t.dataDir;
  const token = await t.tokenFor('operator', 'Olga');
  const batch = await t.station.call('batches:create', { name: 'PO-1' }, { sessionToken: token });
  if (!batch.ok) throw new Error(batch.error.message);
  await scanInto(t.station, token, batch.value.id, 0, 300);
  t.station.close();
  const made = dockside(['backup', '--data-dir', dataDir, '--json']);
  expect(made.code, made.err).toBe(0);
  backupPath = (JSON.parse(made.out) as { path: string }).path;
  atBackup = devicesOf(backupPath);
  const again = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
  const signIn = await again.call('session:signIn', { name: 'Olga', pin: '602817' });
  if (!signIn.ok) throw new Error(signIn.error.message);
  await scanInto(again, signIn.value.token, batch.value.id, 300, 50);
  again.close();
});

describe('dockside restore', () => {
  it('brings back the backup point; the station opens, verifies, and the replaced database is kept', async () => {
    expect(devicesOf(join(dataDir, 'dockside.sqlite'))).toHaveLength(350);
    const listed = dockside(['backup', 'list', '--data-dir', dataDir]);
    expect(listed).toMatchObject({ code: 0, out: expect.stringMatching(/on-demand/) });

    const restored = dockside(['restore', backupPath, '--data-dir', dataDir]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/integrity, foreign keys, \d+ migrations and \d+ audit rows ok/);
    expect(restored.out).toMatch(/Kept the database it replaces as .*before-restore-\d+\.sqlite/);

    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    try {
      expect(verifyStation(station.database.sqlite, station.identity.seal.chainKeys())).toMatchObject({ ok: true });
      expect(station.database.sqlite.prepare('SELECT id, batch_id, pkid, scanned_by, scanned_at FROM devices ORDER BY id').all()).toEqual(atBackup);
      expect(atBackup).toHaveLength(300);
      const safety = station.backups.list().find((b) => b.kind === 'before-restore');
      expect(safety && devicesOf(safety.path)).toHaveLength(350);
    } finally {
      station.close();
    }
  });

  it.each([
    ['bytes flipped', (path: string) => {
      // A whole page of garbage in the middle of the file: a b-tree page no reader can trust.
      const fd = openSync(path, 'r+');
      const page = 4096;
      const at = Math.floor(statSync(path).size / page / 2) * page;
      writeSync(fd, Buffer.alloc(page, 0xa5), 0, page, at);
      closeSync(fd);
    }, /cannot be restored: .*(integrity_check failed|damaged)/],
    ['truncated', (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2)), /cannot be restored: .*(integrity_check failed|damaged)/],
    ['not a Dockside database', (path: string) => {
      const foreign = new Database(path + '.tmp');
      foreign.exec('CREATE TABLE t (x)');
      foreign.close();
      copyFileSync(path + '.tmp', path);
    }, /not a Dockside database/],
    ['not a database at all', (path: string) => copyFileSync('package.json', path), /cannot be restored: .*(damaged|not a database|cannot be opened)/],
  ])('refuses a backup that is %s and changes nothing', (_what, spoil, message) => {
    const bad = join(makeTempDir(), 'bad.sqlite');
    copyFileSync(backupPath, bad);
    spoil(bad);
    const dbPath = join(dataDir, 'dockside.sqlite');
    const before = { db: sha(dbPath), files: readdirSync(dataDir).sort(), backups: readdirSync(join(dataDir, 'backups')).sort() };
    const refused = dockside(['restore', bad, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(message);
    expect(refused.err).toMatch(/Nothing was changed/);
    expect({ db: sha(dbPath), files: readdirSync(dataDir).sort(), backups: readdirSync(join(dataDir, 'backups')).sort() }).toEqual(before);
  });

  it('refuses while a station has the database open, and changes nothing', async () => {
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    try {
      const refused = dockside(['restore', backupPath, '--data-dir', dataDir]);
      expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/A station has this database open.*Nothing was changed/) });
      expect(station.database.sqlite.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 350 });
      expect(station.backups.list().some((b) => b.kind === 'before-restore')).toBe(false);
    } finally {
      station.close();
    }
    expect(existsSync(backupPath)).toBe(true);
  });
});
