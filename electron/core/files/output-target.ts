// Where a command may write a file the user named. An export once replaced the live database with CSV
// (`--out <data dir>/dockside.sqlite`), so: the station's own files (database, WAL, SHM, journal,
// backups, logs, support bundles, the token cache, the audit key, the fleet hub's password) are never written over, however the path is
// spelled (symlinks, `..`, another letter case, a hard link to the same inode); an existing file is
// replaced only when the user says so; a folder gets a default file name inside it; a missing folder
// or a place that cannot be written is a sentence that says so.
import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { backupDirFor } from '../backup/backup-files';
import { logDirFor } from '../logging/rotating-file';
import { supportDirFor } from '../support/bundle-name';

export class OutputRefused extends Error {}

export interface OutputTarget {
  /** The file to write (a default name inside a folder the user named, or the file itself). */
  readonly path: string;
  /** An existing file is replaced (the user asked for it). */
  readonly replaces: boolean;
}

export interface OutputRequest {
  /** The path the user gave. */
  readonly out: string;
  /** The data folder of the station the command runs on. */
  readonly dataDir: string;
  /** The file name used when `out` names a folder. */
  readonly defaultName: string;
  /** The user said an existing file may be replaced (--force). */
  readonly force: boolean;
  /** How the user asks for a replacement, for the message (e.g. "add --force"). */
  readonly forceHint?: string;
}

/** Top-level names in the data folder that belong to the station (the database and its companions, secrets). */
const STATION_FILE_PREFIXES = ['dockside.sqlite', 'partner-center-token-cache', 'audit-head.json', 'audit.key', 'audit-key.', 'fleet-hub-password'];

const fold = (path: string) => path.normalize('NFC').toLowerCase();

function stationFolders(dataDir: string): string[] {
  return [backupDirFor(dataDir), logDirFor(dataDir), supportDirFor(dataDir)];
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(folder: string, path: string): boolean {
  const f = fold(folder);
  const p = fold(path);
  return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
}

/** A station file by its (real, case-folded) path: true also for one that does not exist yet, such as a WAL. */
function namesStationFile(dataDir: string, path: string): boolean {
  const realDir = real(dataDir);
  if (stationFolders(realDir).some((folder) => isInside(folder, path))) return true;
  if (fold(dirname(path)) !== fold(realDir)) return false;
  const name = fold(basename(path));
  return STATION_FILE_PREFIXES.some((prefix) => name.startsWith(prefix)) || name.startsWith('.restore-');
}

/** dev:inode of every station file that exists now, so a hard link to one of them is recognised. */
function stationInodes(dataDir: string): Set<string> {
  const inodes = new Set<string>();
  const add = (path: string) => {
    try {
      const s = statSync(path);
      if (s.isFile()) inodes.add(`${s.dev}:${s.ino}`);
    } catch {
      // Gone between listing and stat: nothing to protect.
    }
  };
  let top: string[];
  try {
    top = readdirSync(dataDir);
  } catch {
    return inodes;
  }
  for (const name of top) if (STATION_FILE_PREFIXES.some((p) => fold(name).startsWith(p))) add(join(dataDir, name));
  for (const folder of stationFolders(dataDir)) {
    try {
      for (const name of readdirSync(folder)) add(join(folder, name));
    } catch {
      // No such folder yet.
    }
  }
  return inodes;
}

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

const OWN_FILE = (path: string) => `${path} is one of the station's own files (its database, backups or logs): nothing was written. Name a file outside the station's data folder.`;

/** Decides the file to write for `--out`, or throws OutputRefused with a sentence; writes nothing. */
export function outputTarget(request: OutputRequest): OutputTarget {
  if (request.out.trim() === '') throw new OutputRefused('--out is empty: name a file or a folder to write to.');
  const given = resolve(request.out);
  const namesFolder = /[\\/]$/.test(request.out) || statOrNull(given, true)?.isDirectory() === true;
  const path = namesFolder ? join(given, request.defaultName) : given;
  const folder = dirname(path);
  const folderStat = statOrNull(folder, true);
  if (folderStat === null) throw new OutputRefused(`The folder ${folder} does not exist: create it first, or name another folder.`);
  if (!folderStat.isDirectory()) throw new OutputRefused(`${folder} is not a folder: name a folder, or a file inside one.`);
  const target = statOrNull(path, true);
  const link = statOrNull(path, false);
  // The real place the bytes would land: the symlink's target if there is one, with `..` resolved.
  const realPath = target !== null ? real(path) : join(real(folder), basename(path));
  if (namesStationFile(request.dataDir, realPath) || namesStationFile(request.dataDir, join(real(folder), basename(path)))) throw new OutputRefused(OWN_FILE(path));
  if (target !== null && stationInodes(real(request.dataDir)).has(`${target.dev}:${target.ino}`)) throw new OutputRefused(OWN_FILE(path));
  if (target?.isDirectory()) throw new OutputRefused(`${path} is a folder: name a file, or another folder.`);
  if ((target !== null || link !== null) && !request.force) {
    throw new OutputRefused(`${path} already exists: nothing was written. To replace it, ${request.forceHint ?? 'add --force'}; or name another file.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new OutputRefused(`Cannot write in ${folder}: this place is read-only or you may not write there. Name another folder.`);
  }
  return { path, replaces: target !== null };
}

/** A sentence for a file-system error while writing `path`, or null when it is none of the usual ones. */
export function writeProblem(err: unknown, path: string): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Cannot write ${path}: this place is read-only or you may not write there. Name another folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Cannot write ${path}: the disk is full. Free some space or name another disk.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Cannot write ${path}: its folder does not exist (or is not a folder).`;
    case 'EISDIR':
      return `Cannot write ${path}: it is a folder.`;
    case 'EEXIST':
      return `Cannot write ${path}: a file of that name appeared while writing. Try again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Cannot write ${path}: too many files are open on this machine. Close some programs and try again.`;
    case 'EIO':
      return `Cannot write ${path}: the disk reported an input/output error. Check the disk.`;
    default:
      return null;
  }
}
