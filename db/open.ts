// Opening the station database is the one place that decides durability and refuses unsafe states.
// It never deletes or recreates a user's file: on any problem it stops and says what to do.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema';
import { DatabaseOpenError, type DatabaseProblem } from './errors';
import { sqliteCode } from './sqlite-errors';
import { loadMigrations, type Migration } from './migrations-source';

/** The drizzle database, with the connection under it for repositories that stream or bulk-insert through raw statements. */
export type StationDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  readonly sqlite: Database.Database;
  readonly db: StationDb;
  readonly path: string;
  /** Path of the copy taken before migrating an existing file, if one was needed. */
  readonly backupPath: string | null;
  close(): void;
}

export interface OpenOptions {
  path: string;
  migrationsDir?: string;
  backupDir?: string;
  busyTimeoutMs?: number;
  now?: () => number;
}

const MIGRATIONS_TABLE = '__dockside_migrations';


function problemFrom(err: unknown, path: string): Extract<DatabaseProblem, { kind: 'corrupt' | 'disk-full' | 'unreadable' }> {
  const code = sqliteCode(err) ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return { kind: 'corrupt', path, detail };
  if (code === 'SQLITE_FULL') return { kind: 'disk-full', path, detail };
  return { kind: 'unreadable', path, detail };
}

export function applyPragmas(sqlite: Database.Database, busyTimeoutMs = 5000): void {
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, expected wal`);
  // better-sqlite3 defaults WAL to synchronous=NORMAL; a scan is acknowledged only when it would
  // survive a power cut, so every connection asks for FULL.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`busy_timeout = ${Math.max(5000, busyTimeoutMs)}`);
  sqlite.pragma('foreign_keys = ON');
}

/**
 * Tables that grow with every scan. A full quick_check of a 1,000,000-device station reads every page
 * (about 4 s on the benchmark machine, `npm run bench db`), far over the 1 s an opening may take, so
 * these are left to `dockside verify`, to every backup's integrity_check and to SQLite itself, which
 * stops with SQLITE_CORRUPT when a read meets a damaged page of them.
 */
const BULK_TABLES = new Set(['devices', 'audit', 'expected', 'remote_devices']);

/**
 * The bounded integrity check at every open, before anything is written: quick_check of the schema and
 * of every table that is not a bulk table (with its indexes): operators, settings, batches, uploads,
 * customers, migrations. A damaged page there is found now, not after an operator signed in on it.
 */
export function quickCheckAtOpen(sqlite: Database.Database, path: string): void {
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of ['sqlite_schema', ...tables.filter((t) => !BULK_TABLES.has(t))]) {
    const rows = (sqlite.pragma(`quick_check("${table.replaceAll('"', '""')}")`) as { quick_check: string }[]).map((r) => r.quick_check);
    if (rows.length !== 1 || rows[0] !== 'ok') {
      throw new DatabaseOpenError({ kind: 'corrupt', path, detail: `quick_check of ${table}: ${rows.slice(0, 3).join('; ').replaceAll('\n', ' ')}` });
    }
  }
}

interface AppliedRow {
  idx: number;
  tag: string;
  hash: string;
}

function planMigrations(sqlite: Database.Database, known: Migration[], path: string): Migration[] {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
  );
  const applied = sqlite.prepare(`SELECT idx, tag, hash FROM ${MIGRATIONS_TABLE} ORDER BY idx`).all() as AppliedRow[];
  const byTag = new Map(known.map((m) => [m.tag, m]));
  const unknown = applied.filter((a) => !byTag.has(a.tag)).map((a) => a.tag);
  if (unknown.length > 0) throw new DatabaseOpenError({ kind: 'newer-than-code', path, unknown });
  for (const a of applied) {
    if (byTag.get(a.tag)?.hash !== a.hash) throw new DatabaseOpenError({ kind: 'migration-edited', path, tag: a.tag });
  }
  const appliedTags = new Set(applied.map((a) => a.tag));
  return known.filter((m) => !appliedTags.has(m.tag));
}

function hasUserData(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != ?`)
    .get(MIGRATIONS_TABLE) as { n: number };
  return row.n > 0;
}

function applyMigration(sqlite: Database.Database, m: Migration, now: number): void {
  sqlite
    .transaction(() => {
      for (const statement of m.statements) sqlite.exec(statement);
      sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`).run(m.idx, m.tag, m.hash, now);
    })
    .immediate();
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const { path } = options;
  const now = options.now ?? Date.now;
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw new DatabaseOpenError(problemFrom(err, path));
  }
  let backupPath: string | null = null;
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(5000, options.busyTimeoutMs ?? 5000)}`);
    if (existed) quickCheckAtOpen(sqlite, path);
    applyPragmas(sqlite, options.busyTimeoutMs);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    const pending = planMigrations(sqlite, loadMigrations(options.migrationsDir), path);
    if (pending.length > 0 && existed && hasUserData(sqlite)) {
      const dir = options.backupDir ?? join(dirname(path), 'backups');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      backupPath = join(dir, `before-${pending[0]?.tag ?? 'migration'}-${now()}.sqlite`);
      // Owner only, as the database it copies: an empty 0600 file first, since SQLite would make it 0644.
      closeSync(openSync(backupPath, 'wx', 0o600));
      await sqlite.backup(backupPath);
    }
    for (const m of pending) {
      try {
        applyMigration(sqlite, m, now());
      } catch (err) {
        const p = problemFrom(err, path);
        throw new DatabaseOpenError(
          p.kind === 'disk-full' ? p : { kind: 'migration-failed', path, tag: m.tag, detail: p.detail, backup: backupPath },
        );
      }
    }
  } catch (err) {
    sqlite.close();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError(problemFrom(err, path));
  }
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, path, backupPath, close: () => sqlite.close() };
}
