// The data folder holds PIN hashes, the audit trail, backups of both and logs: nobody but the user the
// station runs as may read it. Folders are 0700 and files 0600 whatever the umask (POSIX; on Windows
// the folder inherits the user profile's ACL). A folder left open by an older version is tightened at open.
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupDirFor } from '../backup/backup-files';
import { databasePath } from '../data-dir';
import { logDirFor } from '../logging/rotating-file';
import { supportDirFor } from '../support/bundle-name';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Removes group and other bits; a file that vanished or is not ours is left as it is. */
function tighten(path: string, mode: number): void {
  if (!posix) return;
  try {
    const s = statSync(path);
    if ((s.mode & 0o077) !== 0) chmodSync(path, mode);
  } catch {
    // Gone, or owned by someone else (chmod EPERM): nothing this process may change.
  }
}

export function makePrivateFile(path: string): void {
  tighten(path, PRIVATE_FILE_MODE);
}

/** mkdir -p with 0700, and 0700 for the folder itself if it already existed. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(path, PRIVATE_DIR_MODE);
}

/** Creates an empty file readable by its owner only (SQLite then writes into it and gives its WAL/SHM the same mode). */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}

/** A shared folder such as /tmp (sticky and writable by all) is not the station's to close. */
function isSharedFolder(path: string): boolean {
  try {
    const mode = statSync(path).mode;
    return (mode & 0o1000) !== 0 && (mode & 0o002) !== 0;
  } catch {
    return false;
  }
}

/**
 * Before the database opens: the folder 0700 (made so, or tightened when it is a station's folder), an
 * empty 0600 database file when there is none, and 0600/0700 for what an older version left open.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!isSharedFolder(dataDir)) tighten(dataDir, PRIVATE_DIR_MODE);
  const db = databasePath(dataDir);
  try {
    createPrivateFile(db);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  tightenStationFiles(dataDir);
}

/** 0600 for the database and its companions, 0700/0600 for backups/, logs/ and support/ and what they hold. */
export function tightenStationFiles(dataDir: string): void {
  if (!posix) return;
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) if (['dockside.sqlite', 'partner-center-token-cache', 'audit-head.json', 'audit.key', 'audit-key.'].some((prefix) => name.startsWith(prefix))) makePrivateFile(join(dataDir, name));
  for (const folder of [backupDirFor(dataDir), logDirFor(dataDir), supportDirFor(dataDir)]) {
    let inside: string[];
    try {
      if (!statSync(folder).isDirectory()) continue;
      inside = readdirSync(folder);
    } catch {
      continue;
    }
    tighten(folder, PRIVATE_DIR_MODE);
    for (const name of inside) makePrivateFile(join(folder, name));
  }
}
