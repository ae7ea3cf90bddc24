// A crash reason must reach logs/dockside.log (so a support bundle shows it), not only a terminal
// nobody watches. A real child process with the station's file logger fails for real.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_EXIT_CODE } from '../../../electron/core/logging/crash-log';
import { makeTempDir } from '../../helpers/temp-station';

const fixture = 'test/fixtures/processes/crashing-station.ts';

function run(mode: 'throw' | 'reject') {
  const dataDir = makeTempDir();
  const r = spawnSync(process.execPath, ['--import', 'tsx', fixture, dataDir, mode], { encoding: 'utf8', timeout: 30_000 });
  const log = readFileSync(join(dataDir, 'logs', 'dockside.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; msg: string; error?: { message: string } });
  return { ...r, log };
}

describe('crash logging', () => {
  it('writes an uncaught exception with its message to logs/ and stops the process with a non-zero code', () => {
    const r = run('throw');
    expect(r.status).toBe(CRASH_EXIT_CODE);
    expect(r.log).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringMatching(/uncaught exception/), error: expect.objectContaining({ message: 'boom in a timer' }) }));
  });

  it('writes an unhandled rejection to logs/ and keeps the process running', () => {
    const r = run('reject');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('still running');
    expect(r.log).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringMatching(/unhandled promise rejection/), error: expect.objectContaining({ message: 'a rejection nobody awaited' }) }));
  });
});
