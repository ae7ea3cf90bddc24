import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, listBackups, removePartialCopies } from '../../../../../electron/core/backup/backup-files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-backups-'));
  dirs.push(dir);
  for (const [name, ageMs] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, 'x');
    const at = (Date.now() - ageMs) / 1000;
    utimesSync(path, at, at);
  }
  return dir;
}

const hour = 3_600_000;

describe('removePartialCopies', () => {
  it('removes partial copies a killed backup left long ago, and keeps finished backups and a copy still being written', () => {
    const finished = backupFileName('scheduled', 1_700_000_000_000);
    const dir = folder({
      [finished]: 5 * hour,
      [`.${finished}.6f1c.tmp`]: 2 * hour,
      [`.${finished}.6f1c.tmp-journal`]: 2 * hour,
      '.manual-1700000000001.sqlite.a2b3.tmp': 1000,
      'notes.txt': 5 * hour,
    });
    const removed = removePartialCopies(dir, Date.now());
    expect(removed.sort()).toEqual([`.${finished}.6f1c.tmp`, `.${finished}.6f1c.tmp-journal`]);
    expect(readdirSync(dir).sort()).toEqual(['.manual-1700000000001.sqlite.a2b3.tmp', finished, 'notes.txt'].sort());
    expect(listBackups(dir).map((b) => b.fileName)).toEqual([finished]);
  });

  it('answers nothing removed for a folder that does not exist yet', () => {
    const dir = join(folder({}), 'backups');
    expect(removePartialCopies(dir, Date.now())).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});
