import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/core/files/atomic-write';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'batch.csv');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(readFileSync(path, 'utf8')).toBe('new content');
    await writeFileAtomic(path, Buffer.from([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['batch.csv']);
  });

  it('a failure half-way through writing leaves the old file intact and no temp file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'batch.csv');
    writeFileSync(path, 'old complete content');
    function* failing() {
      yield 'x'.repeat(1024 * 1024);
      yield 'y'.repeat(1024 * 1024);
      throw new Error('disk trouble');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('disk trouble');
    expect(readFileSync(path, 'utf8')).toBe('old complete content');
    expect(readdirSync(dir)).toEqual(['batch.csv']);
  });

  it('creates a new file, and refuses a folder that does not exist without creating anything', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    await writeFileAtomic(join(dir, 'new.csv'), 'a');
    expect(readFileSync(join(dir, 'new.csv'), 'utf8')).toBe('a');
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'a')).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
