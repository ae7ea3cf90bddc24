// A damaged page in the operators table is found when the station opens, before anyone signs in and
// before anything is written: the real file is damaged on disk (the operators table's root page, found
// through sqlite_schema, gets a header byte overwritten, which reads still get past), then the station
// is opened in-process, by the CLI and by the browser host as child processes. Before the check at
// open, all three opened it and signed in on it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../db/errors';
import { silentLogger } from '../../../electron/core/log';
import { createStation } from '../../../electron/core/station';
import { tempStation } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

function dockside(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8', timeout});
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

let dataDir: string;
let dbPath: string;

/** The state of the data folder a refused open must leave exactly as it was. */
function folderState() {
  return { db: createHash('sha256').update(readFileSync(dbPath)).digest('hex'), files: readdirSync(dataDir).sort() };
}

/** Overwrites the fragment count in the header of the operators table's root page (a real b-tree page). */
function damageOperatorsPage(): number {
  // Not read-only: closing as the last writer-capable connection removes the -wal and -shm files, so
  // the folder is left as a stopped station leaves it.
  const db = new Database(dbPath);
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'operators'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(dbPath, 'r+');
  try {
    writeSync(fd, Buffer.from([200]), 0, 1, (root - 1) * pageSize + 7);
  } finally {
    closeSync(fd);
  }
  return root;
}

beforeEach(async () => {
  const t = await tempStation();
  dataDir = t.dataDir;
  dbPath = join(dataDir, 'dockside.sqlite');
  const admin = await t.tokenFor('admin');
  for (const name of ['Ann', 'Ben', 'Cem']) {
    const added = await t.station.call('operators:add', { name, role: 'lead', pin: '739154' }, { sessionToken: admin });
    if (!added.ok) throw new Error(added.error.message);
  }
  t.station.close();
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a damaged operators page', () => {
  it('is still readable, so only a check finds it', () => {
    damageOperatorsPage();
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM operators ORDER BY id').pluck().all()).toEqual(['Ada Admin', 'Ann', 'Ben', 'Cem']);
      expect(JSON.stringify(db.pragma('quick_check'))).toMatch(/Fragmentation/);
    } finally {
      db.close();
    }
  });

  it('stops the station at open with the damaged-database message, and nothing is written', async () => {
    const root = damageOperatorsPage();
    const before = folderState();
    const error = await createStation({ dataDir, logger: silentLogger, pinCost: 10 }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).problem).toMatchObject({ kind: 'corrupt' });
    expect((error as DatabaseOpenError).message).toMatch(new RegExp(`is damaged \\(quick_check of operators: .*page ${root}.*\\)\\. Nothing was changed\\. Restore the newest copy`));
    expect(folderState()).toEqual(before);
  });

  it('the CLI refuses to sign in on it (exit 3, plain message) and writes nothing', () => {
    damageOperatorsPage();
    const before = folderState();
    const r = dockside(['batches', 'create', 'PO-7', '--as', 'Ada Admin', '--pin', '482913', '--data-dir', dataDir]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/is damaged \(quick_check of operators: .*\)\. Nothing was changed/);
    expect(r.err).not.toMatch(/unexpected error|at .*\.ts:\d+/);
    expect(folderState()).toEqual(before);
  });

  it('the browser host does not start on it', () => {
    damageOperatorsPage();
    const before = folderState();
    const r = dockside(['serve', '--port', '0', '--data-dir', dataDir], 30_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/is damaged/);
    expect(folderState()).toEqual(before);
  });

  it('an undamaged station still opens and signs in', async () => {
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10 });
    try {
      expect(await station.call('session:signIn', { name: 'Ann', pin: '739154' })).toMatchObject({ ok: true });
    } finally {
      station.close();
    }
  });
});
