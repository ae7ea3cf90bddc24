// Targets row 20: kill -9 a writer at random moments x200; the file is always one whole version
// (the old one or the new one), never torn. Orphaned temp files may remain; the target never is one.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-station';

/** Kills of the writer: 40 inside npm test, 200 in npm run test:fault (DOCKSIDE_WRITE_KILLS). */
const KILLS = Number(process.env.DOCKSIDE_WRITE_KILLS ?? '40');

function wholeVersion(text: string): number {
  const match = /^BEGIN (\d+) (\d+)\n/.exec(text);
  if (!match) throw new Error(`torn file: starts with ${JSON.stringify(text.slice(0, 40))}`);
  const [head, version = '', length = ''] = match;
  const body = text.slice(head.length, head.length + Number(length));
  if (body !== `${version}\n`.repeat(Number(length) / (version.length + 1))) throw new Error(`torn body in version ${version}`);
  if (text.slice(head.length + Number(length)) !== `END ${version}\n`) throw new Error(`torn end in version ${version}`);
  return Number(version);
}

async function killAfterSomeWrites(path: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', 'test/fault/atomic-write-child.ts', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let versions = 0;
  const wanted = 1 + Math.floor(Math.random() * 3);
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      versions += chunk.toString().split('\n').filter(Boolean).length;
      // Past the wanted count, kill at a random point inside a later write.
      if (versions >= wanted) setTimeout(() => child.kill('SIGKILL'), Math.random() * 30);
    });
    child.on('exit', () => resolve());
  });
}

describe('writeFileAtomic under kill -9', () => {
  it(`never leaves a torn file (${KILLS} kills)`, async () => {
    const dir = makeTempDir('dockside-atomic-');
    const path = join(dir, 'export.csv');
    let last = 0;
    for (let i = 0; i < KILLS; i++) {
      await killAfterSomeWrites(path);
      const version = wholeVersion(readFileSync(path, 'utf8'));
      expect(version).toBeGreaterThanOrEqual(1);
      last = version;
    }
    expect(last).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp'))).toEqual(['export.csv']);
  });
});
