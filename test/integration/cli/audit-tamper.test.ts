// The audit trail against someone who can edit the database file but does not hold the station's audit
// key: each attack is done for real on the SQLite file (better-sqlite3, as anyone with the file could),
// then the real `dockside verify` and `dockside restore` run as child processes. Before the chain was
// keyed and anchored, every one of these passed verify ("ok (0 rows)" for an emptied table) and restore.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log';
import { createStation } from '../../../electron/core/station';
import { makeTempDir, tempStation } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

function dockside(args: string[]) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function sha(path: string): string | null {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
}

interface Row {
  id: number;
  at: number;
  station: string;
  operator_id: number | null;
  operator_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** What an attacker who read the old source would do: re-chain every row with plain SHA-256. */
function plainHash(prev: string, r: Row): string {
  return createHash('sha256').update(JSON.stringify([prev, r.at, r.station, r.operator_id, r.operator_name, r.action, r.object_type, r.object_id, r.result, r.detail])).digest('hex');
}

/** Re-chains the whole table with `hash` (after an edit), so every link and every hash agree again. */
function rechain(db: Database.Database, hash: (prev: string, r: Row) => string): void {
  const rows = db.prepare('SELECT * FROM audit ORDER BY id').all() as Row[];
  const update = db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = '0'.repeat(64);
  db.transaction(() => {
    for (const r of rows) {
      const h = hash(prev, r);
      update.run(prev, h, r.id);
      prev = h;
    }
  })();
}

type Attack = (db: Database.Database) => void;

const attacks: [string, Attack][] = [
  ['the last row deleted', (db) => db.exec('DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)')],
  ['the last five rows deleted', (db) => db.exec('DELETE FROM audit WHERE id > (SELECT max(id) - 5 FROM audit)')],
  ['every row deleted', (db) => db.exec('DELETE FROM audit')],
  ['the last row renumbered', (db) => db.exec('UPDATE audit SET id = id + 7 WHERE id = (SELECT max(id) FROM audit)')],
  [
    'a row edited and the whole chain re-hashed with plain SHA-256',
    (db) => {
      db.exec("UPDATE audit SET operator_name = 'Mallory' WHERE id = 3");
      rechain(db, plainHash);
    },
  ],
  [
    'a row edited and the whole chain re-sealed with a guessed key',
    (db) => {
      db.exec("UPDATE audit SET detail = '{}' WHERE id = 2");
      const guess = randomBytes(32);
      rechain(db, (prev, r) => `k1:${createHmac('sha256', guess).update(JSON.stringify(['dockside-audit/k1', r.id, prev, r.at, r.station, r.operator_id, r.operator_name, r.action, r.object_type, r.object_id, r.result, r.detail])).digest('hex')}`);
    },
  ],
];

function tamper(path: string, attack: Attack): void {
  const db = new Database(path);
  try {
    attack(db);
  } finally {
    db.close();
  }
}

let dataDir: string;
let backupPath: string;

beforeEach(async () => {
  const t = await tempStation();
  dataDir = t.dataDir;
  const admin = await t.tokenFor('admin');
  for (const name of ['Ann', 'Ben', 'Cem', 'Dee', 'Eve', 'Fay']) {
    const added = await t.station.call('operators:add', { name, role: 'operator', pin: '739154' }, { sessionToken: admin });
    if (!added.ok) throw new Error(added.error.message);
  }
  backupPath = (await t.station.backups.run('on-demand', null)).path;
  t.station.close();
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('dockside verify', () => {
  it('says ok for an untouched station, every row sealed', () => {
    const r = dockside(['verify', '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/audit chain: ok \(\d+ rows, sealed with the station's audit key/);
  });

  it.each(attacks)('fails when the station database has %s', (_what, attack) => {
    tamper(join(dataDir, 'dockside.sqlite'), attack);
    const r = dockside(['verify', '--data-dir', dataDir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; audit: { ok: boolean; problem: string | null } };
    expect(report.ok).toBe(false);
    expect(report.audit.ok).toBe(false);
    expect(report.audit.problem).toMatch(/removed|gone|rewritten|changed|does not follow|does not match/);
  });

  it('says in the app too: the audit viewer shows the chain as altered', async () => {
    tamper(join(dataDir, 'dockside.sqlite'), attacks[1]![1]);
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    try {
      const signIn = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const page = await station.call('audit:list', { verify: true, limit: 10 }, { sessionToken: signIn.value.token });
      expect(page).toMatchObject({ ok: true, value: { chain: { ok: false, problem: expect.stringMatching(/newest audit rows were removed/) } } });
    } finally {
      station.close();
    }
  });

  it('a deleted head file is noticed, not silently recreated by the next start', async () => {
    tamper(join(dataDir, 'dockside.sqlite'), attacks[1]![1]);
    rmSync(join(dataDir, 'audit-head.json'));
    // A start and a few audited actions later the evidence is still there.
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
    station.close();
    const r = dockside(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/audit head kept outside the database .* is missing/);
  });

  it('accepts a head that lags after a crash between commit and head write, but not rows forged after it', async () => {
    const headFile = join(dataDir, 'audit-head.json');
    const before = readFileSync(headFile);
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    await station.call('session:signIn', { name: 'Ann', pin: '739154' });
    await station.call('session:signIn', { name: 'Ben', pin: '739154' });
    station.close();
    // The crash: the rows committed, the head never moved.
    writeFileSync(headFile, before);
    expect(dockside(['verify', '--data-dir', dataDir]).code).toBe(0);
    // Someone adds a row after the head without the key: the lag is no hiding place.
    tamper(join(dataDir, 'dockside.sqlite'), (db) => {
      const last = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT 1').get() as Row;
      const forged = { ...last, id: last.id + 1, action: 'session:signIn', operator_name: 'Mallory', prev_hash: last.hash };
      db.prepare('INSERT INTO audit (id, at, station, operator_id, operator_name, action, object_type, object_id, result, detail, prev_hash, hash) VALUES (@id, @at, @station, @operator_id, @operator_name, @action, @object_type, @object_id, @result, @detail, @prev_hash, @hash)').run({
        ...forged,
        hash: `k1:${plainHash(last.hash, forged)}`,
      });
    });
    const r = dockside(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/seal does not match/);
  });

  it('a support bundle carries the head', () => {
    const made = dockside(['support-bundle', '--data-dir', dataDir, '--json']);
    expect(made.code, made.err).toBe(0);
    const files = unzipSync(readFileSync((JSON.parse(made.out) as { path: string }).path));
    const head = JSON.parse(strFromU8(files['audit-head.json']!)) as { rows: number; lastId: number; mac: string };
    expect(head.rows).toBeGreaterThan(6);
    expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(strFromU8(files['verify.txt']!)).toMatch(/audit chain: ok/);
  });
});

describe('dockside restore', () => {
  it('restores an untouched backup, and the station verifies afterwards', () => {
    const r = dockside(['restore', backupPath, '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/Warning/);
    expect(dockside(['verify', '--data-dir', dataDir]).code).toBe(0);
  });

  it.each(attacks)('refuses a backup with %s and changes nothing', (_what, attack) => {
    const bad = join(makeTempDir(), 'tampered.sqlite');
    copyFileSync(backupPath, bad);
    tamper(bad, attack);
    const dbPath = join(dataDir, 'dockside.sqlite');
    const before = { db: sha(dbPath), head: sha(join(dataDir, 'audit-head.json')), files: readdirSync(dataDir).sort(), backups: readdirSync(join(dataDir, 'backups')).sort() };
    const r = dockside(['restore', bad, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot be restored: its audit chain does not verify .*Nothing was changed/);
    expect({ db: sha(dbPath), head: sha(join(dataDir, 'audit-head.json')), files: readdirSync(dataDir).sort(), backups: readdirSync(join(dataDir, 'backups')).sort() }).toEqual(before);
  });

  it('warns in plain words when a backup carries no head to check its end against', () => {
    const bare = join(makeTempDir(), 'no-head.sqlite');
    copyFileSync(backupPath, bare);
    tamper(bare, (db) => db.exec("DELETE FROM settings WHERE key = 'audit.head'"));
    const r = dockside(['restore', bare, '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Warning: this backup carries no audit head .* audit rows cut off at its end cannot be ruled out/);
    // Re-anchored at what was restored: the station verifies from here on.
    expect(dockside(['verify', '--data-dir', dataDir]).code).toBe(0);
  });
});

describe('a station from before the chain was keyed', () => {
  /** Turns the station into what an older Dockside left: plain SHA-256 rows, no key, no head. */
  function makeLegacy(): number {
    tamper(join(dataDir, 'dockside.sqlite'), (db) => rechain(db, plainHash));
    rmSync(join(dataDir, 'audit.key'));
    rmSync(join(dataDir, 'audit-head.json'));
    const db = new Database(join(dataDir, 'dockside.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('is keyed from the upgrade on without losing a row, and verify says which rows were unkeyed', async () => {
    const legacyRows = makeLegacy();
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    station.close();
    expect(existsSync(join(dataDir, 'audit.key'))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
    const r = dockside(['verify', '--data-dir', dataDir, '--json']);
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(r.out) as { audit: { ok: boolean; rows: number; unkeyedRows: number } };
    expect(report.audit).toMatchObject({ ok: true, unkeyedRows: legacyRows, rows: legacyRows + 1 });
    const text = dockside(['verify', '--data-dir', dataDir]);
    expect(text.out).toMatch(new RegExp(`the first ${legacyRows} were written before the chain was keyed`));
  });

  it('after the upgrade, its old rows can no longer be rewritten unnoticed', async () => {
    makeLegacy();
    (await createStation({ dataDir, logger: silentLogger, pinCost: 10 })).close();
    tamper(join(dataDir, 'dockside.sqlite'), (db) => {
      db.exec("UPDATE audit SET operator_name = 'Mallory' WHERE id = 2");
      // Re-chain the unkeyed part the way the old format allows; the first sealed row still names the old hash.
      const rows = db.prepare("SELECT * FROM audit WHERE hash NOT LIKE 'k1:%' ORDER BY id").all() as Row[];
      let prev = '0'.repeat(64);
      for (const r of rows) {
        const h = plainHash(prev, r);
        db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, r.id);
        prev = h;
      }
    });
    const r = dockside(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/does not follow the row before it/);
  });

  it('a keyed station whose key is gone stops with a plain sentence instead of starting a new chain', () => {
    rmSync(join(dataDir, 'audit.key'));
    const dbPath = join(dataDir, 'dockside.sqlite');
    const before = sha(dbPath);
    const r = dockside(['verify', '--data-dir', dataDir]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/sealed with a key that cannot be found here .* nothing was changed/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(join(dataDir, 'audit.key'))).toBe(false);
  });
});
