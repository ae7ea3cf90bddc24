// Restore puts a backup back as the station database. It refuses while any station has the database
// open, checks a private copy of the backup before touching anything, keeps a copy of the current
// database, and swaps the checked copy in with one rename, so at every moment the data folder holds
// either the old database or the restored one, never a mix.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { ensurePrivateDir, makePrivateFile } from '../files/private-files';
import { join, resolve } from 'node:path';
import { loadMigrations } from '../../../db/migrations-source';
import { databasePath } from '../data-dir';
import { verifyStation } from '../verify';
import { backupChainKeys, dropBackupHead, stampBackupHead } from '../audit-seal/backup-head';
import { auditKeyFor } from '../audit-seal/data-dir-keys';
import { headPath, writeHeadFile } from '../audit-seal/head';
import type { AuditKeyStore } from '../audit-seal/key-stores';
import { currentHead } from '../audit-seal/table-head';
import { backupDirFor, backupFileName } from './backup-files';
import { databaseInUse } from './database-in-use';
import { fsyncDir, fsyncFile, takeBackup } from './take-backup';

export class RestoreRefused extends Error {}

export interface BackupCheck {
  readonly problems: string[];
  /** What could not be checked (no audit head in the copy, no key here), in plain words. */
  readonly warnings: string[];
  readonly auditRows: number;
  readonly migrations: number;
}

export interface RestoreReport {
  readonly restoredFrom: string;
  readonly databasePath: string;
  /** The copy of the database that was replaced (null when the folder had none). */
  readonly safetyBackup: string | null;
  readonly auditRows: number;
  readonly migrations: number;
  readonly warnings: string[];
}

const REQUIRED_TABLES = ['__dockside_migrations', 'audit', 'settings', 'batches', 'devices'];

/**
 * Everything wrong with a candidate database file; it is opened read-write, so pass a private copy.
 * `auditKey` is the station's audit key (null where it cannot be found): the copy's sealed rows and
 * the head it carries are checked with it.
 */
export function checkStationCopy(path: string, auditKey: Buffer | null, migrationsDir?: string, where = 'the backup'): BackupCheck {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch (err) {
    return { problems: [`it cannot be opened (${err instanceof Error ? err.message : String(err)})`], warnings: [], auditRows: 0, migrations: 0 };
  }
  try {
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) return { problems: [`it is not a Dockside database (no ${missing.join(', ')} table)`], warnings: [], auditRows: 0, migrations: 0 };
    const problems: string[] = [];
    const known = new Map(loadMigrations(migrationsDir).map((m) => [m.tag, m.hash]));
    const applied = sqlite.prepare('SELECT tag, hash FROM __dockside_migrations ORDER BY idx').all() as { tag: string; hash: string }[];
    for (const m of applied) {
      if (!known.has(m.tag)) problems.push(`it was made by a newer Dockside (migration ${m.tag} is unknown to this version): restore it with that version`);
      else if (known.get(m.tag) !== m.hash) problems.push(`its migration ${m.tag} does not match this version's`);
    }
    const report = verifyStation(sqlite, backupChainKeys(sqlite, auditKey, `the audit head inside ${where}`));
    if (report.integrity.length > 0) problems.push(`integrity_check failed (${report.integrity.slice(0, 3).join('; ')})`);
    if (report.foreignKeys.length > 0) problems.push(`foreign_key_check failed (${report.foreignKeys.slice(0, 3).join('; ')})`);
    // What could not be checked (no head in an old backup, no key here) is a warning; what was found wrong refuses.
    if (report.audit.problem !== null) problems.push(`its audit chain does not verify (${report.audit.problem})`);
    // The station reopens it in WAL mode; as one self-contained file it can be renamed safely.
    if (problems.length === 0) {
      dropBackupHead(sqlite);
      sqlite.pragma('journal_mode = DELETE');
    }
    return { problems, warnings: report.audit.warnings, auditRows: report.audit.rows, migrations: applied.length };
  } catch (err) {
    return { problems: [`it is damaged or not a database (${err instanceof Error ? err.message : String(err)})`], warnings: [], auditRows: 0, migrations: 0 };
  } finally {
    sqlite.close();
  }
}

/** A copy of the database about to be replaced: the backup API when it can read it, else the raw files. */
async function safetyCopy(dbPath: string, dir: string, at: number, auditKey: Buffer | null): Promise<string> {
  const fileName = backupFileName('before-restore', at);
  let live: Database.Database | null = null;
  try {
    live = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    return (await takeBackup(live, dir, fileName, undefined, auditKey ? (copy) => stampBackupHead(copy, auditKey, at) : undefined)).path;
  } catch {
    // A damaged database is the usual reason to restore: keep its bytes as they are.
    ensurePrivateDir(dir);
    const target = join(dir, fileName);
    copyFileSync(dbPath, target);
    makePrivateFile(target);
    if (existsSync(`${dbPath}-wal`)) {
      copyFileSync(`${dbPath}-wal`, `${target}-wal`);
      makePrivateFile(`${target}-wal`);
    }
    fsyncFile(target);
    return target;
  } finally {
    live?.close();
  }
}

const inUseMessage =
  'A station has this database open (the desktop app, the browser host or another dockside command). Close it, then run restore again. Nothing was changed.';

/** The restored database's head becomes the live head; without the key the replaced one's head is removed (it would only raise a false alarm). */
function reanchor(dataDir: string, auditKey: Buffer | null, at: number): void {
  const path = headPath(dataDir);
  if (!auditKey) {
    rmSync(path, { force: true });
    return;
  }
  const restored = new Database(databasePath(dataDir), { fileMustExist: true, timeout: 0 });
  try {
    writeHeadFile(path, auditKey, currentHead(restored, at));
  } finally {
    restored.close();
  }
}

export async function restoreDatabase(options: {
  dataDir: string;
  backupFile: string;
  now?: () => number;
  migrationsDir?: string;
  /** Where the audit key is looked for (default: as the station does). */
  auditKeyStores?: readonly AuditKeyStore[];
}): Promise<RestoreReport> {
  const now = options.now ?? Date.now;
  const dbPath = databasePath(options.dataDir);
  const source = resolve(options.backupFile);
  if (!existsSync(source)) throw new RestoreRefused(`There is no file at ${source}. Nothing was changed.`);
  if (source === resolve(dbPath)) throw new RestoreRefused('That file is the station database itself: name a backup file instead. Nothing was changed.');
  if (databaseInUse(dbPath)) throw new RestoreRefused(inUseMessage);
  ensurePrivateDir(options.dataDir);
  const temp = join(options.dataDir, `.restore-${randomUUID()}.sqlite`);
  try {
    copyFileSync(source, temp);
    // copyFile keeps the backup's mode; the restored database is private whatever the copy was.
    makePrivateFile(temp);
    const auditKey = await auditKeyFor(options.dataDir, options.auditKeyStores);
    const check = checkStationCopy(temp, auditKey, options.migrationsDir, source);
    if (check.problems.length > 0) throw new RestoreRefused(`${source} cannot be restored: ${check.problems.join('; ')}. Nothing was changed.`);
    fsyncFile(temp);
    const safetyBackup = existsSync(dbPath) ? await safetyCopy(dbPath, backupDirFor(options.dataDir), now(), auditKey) : null;
    // Checked again: a station may have started while the backup was being checked.
    if (databaseInUse(dbPath)) throw new RestoreRefused(inUseMessage);
    // The old database's log files must not be replayed into the restored one.
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(temp, dbPath);
    fsyncDir(options.dataDir);
    reanchor(options.dataDir, auditKey, now());
    return { restoredFrom: source, databasePath: dbPath, safetyBackup, auditRows: check.auditRows, migrations: check.migrations, warnings: check.warnings };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  }
}
