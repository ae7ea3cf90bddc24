// Nothing else marks a data folder as taken (the desktop app's single-instance lock is per app, not
// per folder, and the browser host and CLI take none), so restore asks SQLite itself: every open
// connection to a WAL database keeps a shared lock on the file, and an exclusive-mode connection can
// only begin an exclusive transaction when no other connection, in any process, has the file open.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { sqliteCode } from '../../../db/sqlite-errors';

export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(path, { fileMustExist: true, timeout: 0 });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (err) {
    const code = sqliteCode(err) ?? '';
    // Any other failure (a damaged file) means nobody can be using it either: that is what restore is for.
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    probe?.close();
  }
}
