// Backup file names carry their kind and time, so the folder itself is the list: no table to keep in
// step with files an admin may copy, move or delete by hand.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupKind } from '../../../shared/contract/backup';

export function backupDirFor(dataDir: string): string {
  return join(dataDir, 'backups');
}

const prefixes = { scheduled: 'scheduled', 'on-demand': 'manual', 'before-restore': 'before-restore' } as const;
export type TakenKind = keyof typeof prefixes;

export function backupFileName(kind: TakenKind, at: number): string {
  return `${prefixes[kind]}-${at}.sqlite`;
}

/** Kind and time from a file name; null for anything that is not a finished backup (temp files start with a dot). */
export function parseBackupName(fileName: string): { kind: BackupKind; at: number } | null {
  if (fileName.startsWith('.') || !fileName.endsWith('.sqlite')) return null;
  const at = /-(\d{10,})\.sqlite$/.exec(fileName)?.[1];
  if (at === undefined) return null;
  const kind: BackupKind | null = fileName.startsWith('scheduled-')
    ? 'scheduled'
    : fileName.startsWith('manual-')
      ? 'on-demand'
      : fileName.startsWith('before-restore-')
        ? 'before-restore'
        : fileName.startsWith('before-')
          ? 'before-migration'
          : null;
  return kind ? { kind, at: Number(at) } : null;
}

export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const fileName of names) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    const path = join(dir, fileName);
    try {
      entries.push({ fileName, path, kind: parsed.kind, at: parsed.at, bytes: statSync(path).size });
    } catch {
      // Deleted between readdir and stat: it is simply not there any more.
    }
  }
  return entries.sort((a, b) => b.at - a.at || b.fileName.localeCompare(a.fileName));
}

const PARTIAL_COPY = /^\..+\.tmp(-journal|-wal|-shm)?$/;

/** A running backup writes its copy at every step; one untouched this long was left by a killed process. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Removes partial copies left by a process killed mid-backup; returns their names. */
export function removePartialCopies(dir: string, now: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => PARTIAL_COPY.test(n))) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs < ABANDONED_AFTER_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile: its own backup finished or cleaned up.
    }
  }
  return removed;
}
