// The station's log file: <dataDir>/logs/dockside.log, rotated by size to dockside.1.log … so a
// station that runs for months never fills its disk with logs. Each line is appended and the file
// closed again (no handle held open, so rotation and an admin moving files never fight a lock).
// Logging must never take the station down: any file trouble drops the line and counts it.
import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_BASE_NAME = 'dockside';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Files kept in all: the current one and (files - 1) rotated ones. */
export const DEFAULT_FILES = 5;

export function logDirFor(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** dockside.log for 0, dockside.N.log for the N-th older file. */
export function logFileName(index: number): string {
  return index === 0 ? `${LOG_BASE_NAME}.log` : `${LOG_BASE_NAME}.${index}.log`;
}

/** The station's log files in the folder, newest first. */
export function listLogFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const index = (name: string): number | null => {
    if (name === logFileName(0)) return 0;
    const n = new RegExp(`^${LOG_BASE_NAME}\\.(\\d+)\\.log$`).exec(name)?.[1];
    return n === undefined ? null : Number(n);
  };
  return names
    .map((name) => ({ name, i: index(name) }))
    .filter((f): f is { name: string; i: number } => f.i !== null)
    .sort((a, b) => a.i - b.i)
    .map((f) => f.name);
}

/** The few file operations the log needs; tests swap in failing ones to play a full or broken disk. */
export interface LogFileSystem {
  appendFileSync(path: string, data: string, options: { mode: number }): void;
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: true }): void;
  statSync(path: string): { size: number };
}

const nodeFs: LogFileSystem = { appendFileSync, mkdirSync, renameSync, rmSync, statSync };

export interface RotatingFileOptions {
  dir: string;
  maxBytes?: number;
  files?: number;
  fs?: LogFileSystem;
}

export class RotatingFile {
  readonly dir: string;
  readonly path: string;
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly fs: LogFileSystem;
  /** Bytes in the current file, or null until known (first write, or after a failure). */
  private size: number | null = null;
  private droppedLines = 0;

  constructor(options: RotatingFileOptions) {
    this.dir = options.dir;
    this.path = join(options.dir, logFileName(0));
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_MAX_BYTES);
    this.files = Math.max(1, options.files ?? DEFAULT_FILES);
    this.fs = options.fs ?? nodeFs;
  }

  /** Lines that could not be written (disk full, folder gone, permissions). */
  get dropped(): number {
    return this.droppedLines;
  }

  /** Appends one line (a newline is added); never throws. */
  write(line: string): boolean {
    const text = line.endsWith('\n') ? line : `${line}\n`;
    const bytes = Buffer.byteLength(text);
    try {
      if (this.size === null) this.size = this.currentSize();
      if (this.size > 0 && this.size + bytes > this.maxBytes) {
        this.rotate();
        this.size = 0;
      }
      // 0600 when the file is created (rotation renames keep it): logs name operators and devices.
      this.fs.appendFileSync(this.path, text, { mode: 0o600 });
      this.size += bytes;
      return true;
    } catch {
      this.droppedLines += 1;
      // The file may be partly written or moved: measure it again next time.
      this.size = null;
      return false;
    }
  }

  private currentSize(): number {
    this.fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    try {
      return this.fs.statSync(this.path).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
  }

  /** dockside.log -> dockside.1.log -> … -> dockside.(files-1).log; the oldest falls off. */
  private rotate(): void {
    const at = (i: number) => join(this.dir, logFileName(i));
    if (this.files === 1) {
      this.fs.rmSync(at(0), { force: true });
      return;
    }
    this.fs.rmSync(at(this.files - 1), { force: true });
    for (let i = this.files - 2; i >= 0; i -= 1) {
      try {
        this.fs.renameSync(at(i), at(i + 1));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
}
