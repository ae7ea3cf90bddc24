import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../db/errors';
import { defaultMigrationsDir } from '../../../db/migrations-source';
import { openDatabase, type OpenedDatabase } from '../../../db/open';
import { makeTempDir } from '../../helpers/temp-station';

const opened: OpenedDatabase[] = [];
async function open(path: string, migrationsDir?: string): Promise<OpenedDatabase> {
  const db = await openDatabase({ path, migrationsDir });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) if (db.sqlite.open) db.close();
});

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function expectProblem(promise: Promise<unknown>, kind: string): Promise<DatabaseOpenError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatabaseOpenError);
  const problem = (err as DatabaseOpenError).problem;
  expect(problem.kind).toBe(kind);
  return err as DatabaseOpenError;
}

/** A copy of the real migrations plus one more, as a newer build of the app would ship. */
function migrationsWithExtra(sql: string): string {
  const dir = join(makeTempDir(), 'migrations');
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string; when: number }[] };
  const idx = journal.entries.length;
  journal.entries.push({ idx, tag: `000${idx}_extra`, when: Date.now() });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(dir, `000${idx}_extra.sql`), sql);
  return dir;
}

describe('openDatabase', () => {
  it('sets the durability pragmas on every connection', async () => {
    const { sqlite } = await open(join(makeTempDir(), 'a.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(Number(sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThanOrEqual(5000);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates every table of the schema and takes no backup of a new file', async () => {
    const db = await open(join(makeTempDir(), 'a.sqlite'));
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['operators', 'customers', 'batches', 'devices', 'expected', 'uploads', 'audit', 'settings']));
    expect(db.backupPath).toBeNull();
  });

  it('enforces one live device per PKID in the database itself', async () => {
    const { sqlite } = await open(join(makeTempDir(), 'a.sqlite'));
    sqlite.exec(`INSERT INTO operators (name, name_key, role, pin_hash, created_at, updated_at) VALUES ('a','a','admin','x',0,0);
      INSERT INTO batches (name, name_key, created_by, created_at) VALUES ('b','b',1,0);
      INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (1,'1234567890123','r','wedge',1,0);`);
    const again = "INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (1,'1234567890123','r','wedge',1,0)";
    expect(() => sqlite.exec(again)).toThrow(/UNIQUE/);
    sqlite.exec('UPDATE devices SET removed_at = 5 WHERE id = 1');
    expect(() => sqlite.exec(again)).not.toThrow();
  });

  it('backs up an existing database with the backup API before migrating it', async () => {
    const path = join(makeTempDir(), 'a.sqlite');
    const first = await open(path);
    first.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('marker', '\"before\"', 1)");
    first.close();
    const second = await open(path, migrationsWithExtra('CREATE TABLE extra (id integer primary key);'));
    expect(second.backupPath).not.toBeNull();
    const backup = new Database(second.backupPath ?? '', { readonly: true });
    expect(backup.prepare("SELECT value FROM settings WHERE key='marker'").get()).toEqual({ value: '"before"' });
    expect(backup.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name='extra'").get()).toEqual({ n: 0 });
    backup.close();
    expect(second.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name='extra'").get()).toEqual({ n: 1 });
  });

  it('refuses a database written by a newer version and leaves it unchanged', async () => {
    const path = join(makeTempDir(), 'a.sqlite');
    const newer = await open(path, migrationsWithExtra('CREATE TABLE extra (id integer primary key);'));
    newer.close();
    const before = fileHash(path);
    const err = await expectProblem(openDatabase({ path }), 'newer-than-code');
    expect(err.message).toMatch(/newer version of Dockside/);
    expect(fileHash(path)).toBe(before);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const path = join(makeTempDir(), 'a.sqlite');
    (await open(path)).close();
    const edited = join(makeTempDir(), 'migrations');
    cpSync(defaultMigrationsDir, edited, { recursive: true });
    const sqlPath = join(edited, '0000_initial.sql');
    writeFileSync(sqlPath, readFileSync(sqlPath, 'utf8') + '\n-- edited\n');
    await expectProblem(openDatabase({ path, migrationsDir: edited }), 'migration-edited');
  });

  it('rolls back a failing migration, keeps the data, and says where the backup is', async () => {
    const path = join(makeTempDir(), 'a.sqlite');
    const first = await open(path);
    first.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('marker', '1', 1)");
    first.close();
    const err = await expectProblem(
      openDatabase({ path, migrationsDir: migrationsWithExtra('CREATE TABLE ok_part (id integer);--> statement-breakpoint\nTHIS IS NOT SQL;') }),
      'migration-failed',
    );
    expect(err.message).toMatch(/rolled back; a copy taken before the update is at/);
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name='ok_part'").get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT value FROM settings WHERE key='marker'").get()).toEqual({ value: '1' });
    check.close();
  });

  it('refuses a file that is not a database, without touching it', async () => {
    const path = join(makeTempDir(), 'a.sqlite');
    writeFileSync(path, 'this is a spreadsheet, not a database'.repeat(200));
    const before = fileHash(path);
    const err = await expectProblem(openDatabase({ path }), 'corrupt');
    expect(err.message).toMatch(/damaged/);
    expect(fileHash(path)).toBe(before);
    expect(existsSync(path)).toBe(true);
  });
});
