import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLogFiles, logFileName, RotatingFile, type LogFileSystem } from '../../../../../electron/core/logging/rotating-file';
import * as fs from 'node:fs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const line = (i: number) => `{"n":${String(i).padStart(4, '0')}}`; // 12 chars + newline = 13 bytes

describe('rotating log file', () => {
  it('appends lines to dockside.log, creating the folder', () => {
    const file = new RotatingFile({ dir: join(dir, 'logs') });
    expect(file.write('first')).toBe(true);
    expect(file.write('second\n')).toBe(true);
    expect(readFileSync(join(dir, 'logs', 'dockside.log'), 'utf8')).toBe('first\nsecond\n');
    expect(file.dropped).toBe(0);
  });

  it('rotates by size: no file passes maxBytes, names shift dockside.log -> .1 -> .2, only `files` are kept', () => {
    const file = new RotatingFile({ dir, maxBytes: 40, files: 3 }); // 3 lines of 13 bytes per file
    for (let i = 0; i < 20; i += 1) expect(file.write(line(i))).toBe(true);
    expect(listLogFiles(dir)).toEqual(['dockside.log', 'dockside.1.log', 'dockside.2.log']);
    expect(readdirSync(dir).sort()).toEqual(['dockside.1.log', 'dockside.2.log', 'dockside.log']);
    for (const name of listLogFiles(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(40);
    // Newest in dockside.log, then back in time; lines 0..10 fell off the end.
    const read = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n');
    expect(read('dockside.log')).toEqual([line(18), line(19)]);
    expect(read('dockside.1.log')).toEqual([line(15), line(16), line(17)]);
    expect(read('dockside.2.log')).toEqual([line(12), line(13), line(14)]);
    expect(file.dropped).toBe(0);
  });

  it('carries on the size of a file left by an earlier run', () => {
    writeFileSync(join(dir, 'dockside.log'), 'x'.repeat(35) + '\n');
    const file = new RotatingFile({ dir, maxBytes: 40, files: 2 });
    file.write(line(1));
    expect(readFileSync(join(dir, 'dockside.1.log'), 'utf8')).toBe('x'.repeat(35) + '\n');
    expect(readFileSync(join(dir, 'dockside.log'), 'utf8')).toBe(`${line(1)}\n`);
  });

  it('a line longer than maxBytes still gets a file of its own', () => {
    const file = new RotatingFile({ dir, maxBytes: 10, files: 2 });
    file.write('a-very-long-line-indeed');
    file.write('short');
    expect(readFileSync(join(dir, 'dockside.1.log'), 'utf8')).toBe('a-very-long-line-indeed\n');
    expect(readFileSync(join(dir, 'dockside.log'), 'utf8')).toBe('short\n');
  });

  it('with files = 1, the one file is started again', () => {
    const file = new RotatingFile({ dir, maxBytes: 20, files: 1 });
    for (let i = 0; i < 5; i += 1) file.write(line(i));
    expect(readdirSync(dir)).toEqual(['dockside.log']);
    expect(readFileSync(join(dir, 'dockside.log'), 'utf8')).toBe(`${line(4)}\n`);
  });

  it('lists only the log files, in age order (dockside.10.log after dockside.9.log)', () => {
    for (const name of ['dockside.10.log', 'dockside.log', 'dockside.9.log', 'other.log', 'dockside.x.log', 'dockside.1.log.tmp']) writeFileSync(join(dir, name), '');
    expect(listLogFiles(dir)).toEqual(['dockside.log', 'dockside.9.log', 'dockside.10.log']);
    expect(listLogFiles(join(dir, 'missing'))).toEqual([]);
    expect(logFileName(3)).toBe('dockside.3.log');
  });
});

describe('disk trouble never reaches the caller', () => {
  it('a full disk (ENOSPC) drops the line and counts it; writing resumes when space returns', () => {
    let full = false;
    const failing: LogFileSystem = {
      ...fs,
      appendFileSync: (path, data) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        fs.appendFileSync(path, data);
      },
    };
    const file = new RotatingFile({ dir, fs: failing });
    expect(file.write('before')).toBe(true);
    full = true;
    expect(file.write('lost 1')).toBe(false);
    expect(file.write('lost 2')).toBe(false);
    expect(file.dropped).toBe(2);
    full = false;
    expect(file.write('after')).toBe(true);
    expect(readFileSync(join(dir, 'dockside.log'), 'utf8')).toBe('before\nafter\n');
    expect(file.dropped).toBe(2);
  });

  it('a rotation that cannot rename (permissions) drops the line instead of throwing', () => {
    const failing: LogFileSystem = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
      },
    };
    const file = new RotatingFile({ dir, maxBytes: 20, files: 3, fs: failing });
    expect(file.write(line(1))).toBe(true);
    expect(file.write(line(2))).toBe(false);
    expect(file.dropped).toBe(1);
  });

  it('the logs folder being a file (real filesystem) drops lines, never throws', () => {
    const blocked = join(dir, 'logs');
    writeFileSync(blocked, 'not a folder');
    const file = new RotatingFile({ dir: blocked });
    expect(() => file.write('x')).not.toThrow();
    expect(file.write('y')).toBe(false);
    expect(file.dropped).toBe(2);
    expect(existsSync(join(blocked, 'dockside.log'))).toBe(false);
  });
});
