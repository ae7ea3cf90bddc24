// An export once replaced the live database with CSV (`--out <data dir>/dockside.sqlite`). The real
// CLI, a real station folder: no spelling of a station file may be written over, an existing file only
// with --force, a folder gets a default name, a missing or read-only place is a sentence.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const env = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };

function dockside(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8', env: { ...process.env, ...env, ...extraEnv } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
let elsewhere: string;

/**
 * Bytes of the station's backups and logs, to prove a refused command changed none of them (the
 * database itself changes with every command's sign-in audit row; it is checked with verify).
 */
function stationFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      // The audit head moves with every audited command (a refused export is audited too): it is a station file, not content.
      else if (!name.startsWith('dockside.sqlite') && name !== 'audit-head.json') files[p] = readFileSync(p);
    }
  };
  walk(dir);
  return files;
}

/** Every file is as it was, except that the station's own log may have grown (refusals are logged). */
function expectStationFilesKept(before: Record<string, Buffer>): void {
  const after = stationFiles();
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const [path, bytes] of Object.entries(before)) {
    const now = after[path]!;
    if (path.endsWith('.log')) expect(now.subarray(0, bytes.length).equals(bytes), `${path} was rewritten, not appended to`).toBe(true);
    else expect(now.equals(bytes), `${path} changed`).toBe(true);
  }
}

function expectPlainFailure(r: { code: number | null; err: string }, pattern: RegExp): void {
  expect(r.code, r.err).toBe(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/unexpected error|\n\s+at /);
}

beforeAll(() => {
  dir = makeTempDir();
  elsewhere = makeTempDir();
  expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
  expect(dockside(['batches', 'create', 'PO 1', '--data-dir', dir]).code).toBe(0);
  expect(dockside(['import', 'test/fixtures/import/bom-utf8.csv', '--batch', 'PO 1', '--data-dir', dir]).code).toBe(0);
  expect(dockside(['backup', '--data-dir', dir]).code).toBe(0);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'dockside.log'), '{"msg":"a log line"}\n');
}, 240_000);

describe('commands that write files', () => {
  it.each(['report', 'partner-center'])('never write a %s export over the station database, its WAL/SHM, backups or logs, however spelled', (format) => {
    const backup = readdirSync(join(dir, 'backups')).find((n) => n.endsWith('.sqlite'))!;
    symlinkSync(join(dir, 'dockside.sqlite'), join(elsewhere, `link-${format}.csv`));
    linkSync(join(dir, 'dockside.sqlite'), join(elsewhere, `hard-${format}.csv`));
    const before = stationFiles();
    const targets = [
      join(dir, 'dockside.sqlite'),
      join(dir, 'dockside.sqlite-wal'),
      join(dir, 'dockside.sqlite-shm'),
      join(dir, 'backups', '..', 'dockside.sqlite'),
      join(dir, 'DOCKSIDE.SQLITE'),
      join(dir, 'backups', backup),
      join(dir, 'backups', 'new.csv'),
      join(dir, 'logs', 'dockside.log'),
      join(elsewhere, `link-${format}.csv`),
      join(elsewhere, `hard-${format}.csv`),
    ];
    // --force too: the user may replace their own files, never the station's.
    for (const out of format === 'report' ? targets : targets.filter((_, i) => i % 3 === 0)) {
      const r = dockside(['export', 'PO 1', '--format', format, '--out', out, '--force', '--data-dir', dir]);
      expectPlainFailure(r, /one of the station's own files/);
    }
    expectPlainFailure(dockside(['export', 'PO 1', '--format', format, '--out', join(dir, 'dockside.sqlite'), '--data-dir', dir]), /one of the station's own files/);
    expectStationFilesKept(before);
    expect(readFileSync(join(dir, 'dockside.sqlite')).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(dockside(['verify', '--data-dir', dir])).toMatchObject({ code: 0, out: expect.stringMatching(/integrity_check: ok/) });
    expect(dockside(['status', 'PO 1', '--data-dir', dir]).out).toMatch(/3 devices/);
  }, 240_000);

  it('replaces an existing file only with --force, and says so', () => {
    const out = join(elsewhere, 'report.csv');
    writeFileSync(out, 'keep me');
    expectPlainFailure(dockside(['export', 'PO 1', '--format', 'report', '--out', out, '--data-dir', dir]), /already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = dockside(['export', 'PO 1', '--format', 'report', '--out', out, '--force', '--data-dir', dir]);
    expect(forced).toMatchObject({ code: 0, out: expect.stringMatching(/replacing/) });
    expect(readFileSync(out, 'utf8')).toMatch(/3905012345678/);
  });

  it('writes a default file name inside a folder named by --out, and never over a folder', () => {
    const folder = join(elsewhere, 'exports');
    mkdirSync(folder);
    expect(dockside(['export', 'PO 1', '--format', 'partner-center', '--out', folder, '--data-dir', dir]).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['PO_1-partner-center.csv']);
    expect(dockside(['export', 'PO 1', '--format', 'report', '--out', `${folder}/`, '--data-dir', dir]).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['PO_1-partner-center.csv', 'PO_1-report.csv']);
  });

  it('allows an export into the data folder itself (not over a station file)', () => {
    expect(dockside(['export', 'PO 1', '--format', 'report', '--out', join(dir, 'po1.csv'), '--data-dir', dir]).code).toBe(0);
    expect(existsSync(join(dir, 'po1.csv'))).toBe(true);
  });

  it('names a missing folder, a file used as a folder and a read-only place in a sentence', () => {
    expectPlainFailure(dockside(['export', 'PO 1', '--format', 'report', '--out', join(elsewhere, 'no', 'such', 'x.csv'), '--data-dir', dir]), /folder .* does not exist/);
    expectPlainFailure(dockside(['export', 'PO 1', '--format', 'report', '--out', join(elsewhere, 'no-folder') + '/', '--data-dir', dir]), /does not exist/);
    writeFileSync(join(elsewhere, 'plain-file'), 'x');
    expectPlainFailure(dockside(['export', 'PO 1', '--format', 'report', '--out', join(elsewhere, 'plain-file', 'x.csv'), '--data-dir', dir]), /is not a folder/);
    // /sys refuses new files even to root, as a read-only place does.
    expectPlainFailure(dockside(['export', 'PO 1', '--format', 'report', '--out', '/sys/dockside-report.csv', '--data-dir', dir]), /read-only or you may not write there/);
  });

  it('backup and support-bundle in a data folder that cannot be written fail with a sentence, not a stack trace', () => {
    const ro = makeTempDir();
    expect(dockside(['init', '--data-dir', ro, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
    // A file where the backups folder should be: mkdir fails as on a read-only or broken disk.
    writeFileSync(join(ro, 'backups'), 'not a folder');
    writeFileSync(join(ro, 'support'), 'not a folder');
    for (const args of [['backup'], ['support-bundle']]) {
      const r = dockside([...args, '--data-dir', ro]);
      expect(r.code, r.err).not.toBe(0);
      expect(r.err).not.toMatch(/unexpected error|\n\s+at /);
      expect(r.err).toMatch(/backups|support/);
      expect(r.err).toMatch(/should be a folder, but a file of that name is in the way/);
    }
    chmodSync(ro, 0o700);
  }, 240_000);
});
