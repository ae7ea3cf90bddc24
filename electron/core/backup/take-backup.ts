// One online backup: SQLite's backup API copies the live database a few pages per step, yielding to
// the event loop between steps so scans keep being stored; the copy is checked, made a single
// self-contained file and only then renamed to its final name, so a half-written or damaged copy never
// sits under a backup's name.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { createPrivateFile, ensurePrivateDir } from '../files/private-files';
import { join } from 'node:path';
import type { BackupResult } from '../../../shared/contract/backup';

/**
 * Pages copied per step. A step holds the event loop while it copies; 256 pages of 4 KiB (1 MiB) take
 * about a millisecond from the page cache, so a scan waits at most that long behind a step.
 */
export const PAGES_PER_STEP = 256;

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

export class BackupCheckFailed extends Error {}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a folder for fsync and does not need it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the copy's sealed audit head into it (AuditSeal.stampCopy); false when its chain did not check out. */
export type StampHead = (copy: Database.Database) => boolean;

/** integrity_check on a finished copy, its audit head stamped in, and out of WAL so the backup is one file. */
function checkAndSeal(path: string, stamp?: StampHead): void {
  const copy = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    const rows = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.length !== 1 || rows[0] !== 'ok') throw new BackupCheckFailed(`The backup copy failed its integrity check (${rows.slice(0, 3).join('; ')}); it was discarded.`);
    // A copy whose chain does not check out is still kept (it may be all there is), unstamped: restoring it warns.
    stamp?.(copy);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export async function takeBackup(
  sqlite: Database.Database,
  dir: string,
  fileName: string,
  onProgress?: (progress: BackupProgress) => void,
  stamp?: StampHead,
): Promise<BackupResult> {
  ensurePrivateDir(dir);
  const started = performance.now();
  const finalPath = join(dir, fileName);
  const tempPath = join(dir, `.${fileName}.${randomUUID()}.tmp`);
  try {
    // SQLite would create the copy 0644 (less the umask): an empty 0600 file first keeps it private.
    createPrivateFile(tempPath);
    const done = await sqlite.backup(tempPath, {
      progress: (p) => {
        onProgress?.(p);
        return PAGES_PER_STEP;
      },
    });
    checkAndSeal(tempPath, stamp);
    fsyncFile(tempPath);
    renameSync(tempPath, finalPath);
    fsyncDir(dir);
    return { path: finalPath, fileName, bytes: statSync(finalPath).size, pages: done.totalPages, tookMs: Math.round(performance.now() - started) };
  } catch (err) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tempPath + suffix, { force: true });
    throw err;
  }
}
