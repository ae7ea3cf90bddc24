import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { createFileLogger, createLogger, MAX_LINE_CHARS } from '../../../../electron/core/log';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-logger-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const T = Date.UTC(2026, 11, 5, 7, 0, 0);

describe('createLogger', () => {
  it('writes one JSON line per event: t, level, msg, then the fields, secrets masked', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), () => T);
    log.info('operator signed in', { operator: 'Ada', pin: '482913' });
    log.warn('slow step', { tookMs: 1200 });
    log.error('upload step failed', new Error('socket hang up'), { chunk: 7 });
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(parsed[0]!).slice(0, 3)).toEqual(['t', 'level', 'msg']);
    expect(parsed[0]).toEqual({ t: '2026-12-05T07:00:00.000Z', level: 'info', msg: 'operator signed in', operator: 'Ada', pin: '[redacted]' });
    expect(parsed[1]).toEqual({ t: '2026-12-05T07:00:00.000Z', level: 'warn', msg: 'slow step', tookMs: 1200 });
    expect(parsed[2]).toMatchObject({ level: 'error', msg: 'upload step failed', chunk: 7, error: { name: 'Error', message: 'socket hang up', stack: expect.stringContaining('socket hang up') } });
    expect(lines.join('\n')).not.toContain('482913');
  });

  it('a throwing sink never reaches the caller, and the other sinks still get the line', () => {
    const lines: string[] = [];
    const log = createLogger([
      () => {
        throw new Error('EPIPE');
      },
      (l) => lines.push(l),
    ]);
    expect(() => log.info('still here')).not.toThrow();
    expect(lines).toHaveLength(1);
  });

  it('leaves out lines below its minimum level', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), () => T, 'warn');
    log.info('noise');
    log.warn('worth saying');
    log.error('broken', new Error('x'));
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['worth saying', 'broken']);
  });

  it('cuts a runaway line to its time, level and message', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l), () => T).info('huge', { blobs: Array.from({ length: 10 }, () => 'x'.repeat(MAX_LINE_CHARS / 4)) });
    expect(lines[0]!.length).toBeLessThan(MAX_LINE_CHARS);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'huge', truncated: expect.any(Number) });
  });
});

describe('createFileLogger', () => {
  it('writes to <dataDir>/logs/dockside.log and rotates it', () => {
    const log = createFileLogger({ dataDir, maxBytes: 300, files: 2, now: () => T });
    expect(log.path).toBe(join(dataDir, 'logs', 'dockside.log'));
    for (let i = 0; i < 10; i += 1) log.info('scan recorded', { i, token: `tok-${i}-abcdefgh` });
    const current = readFileSync(log.path, 'utf8');
    const older = readFileSync(join(dataDir, 'logs', 'dockside.1.log'), 'utf8');
    expect(current.trim().split('\n').at(-1)).toContain('"i":9');
    expect(current + older).not.toContain('tok-');
    expect(log.dropped).toBe(0);
  });

  it('counts the lines it could not write instead of throwing', () => {
    writeFileSync(join(dataDir, 'logs'), 'a file where the folder should be');
    const log = createFileLogger({ dataDir });
    expect(() => log.error('cannot write', new Error('x'))).not.toThrow();
    expect(log.dropped).toBe(1);
  });

  it('after a full disk, the next line that fits is followed by a note of how many were lost', () => {
    let full = false;
    const log = createFileLogger({
      dataDir,
      now: () => T,
      fs: {
        ...fs,
        appendFileSync: (path, data) => {
          if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          fs.appendFileSync(path, data);
        },
      },
    });
    log.info('before');
    full = true;
    log.info('lost one');
    log.info('lost two');
    full = false;
    log.info('after');
    log.info('later');
    const lines = readFileSync(log.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['before', 'after', expect.stringMatching(/^log lines were lost/), 'later']);
    expect(lines[2]).toMatchObject({ level: 'warn', lost: 2 });
    expect(log.dropped).toBe(2);
  });
});
