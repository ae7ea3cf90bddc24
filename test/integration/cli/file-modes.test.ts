// Readable secrets: with umask 022 the data folder was 0755 and the database (PIN hashes), backups,
// logs and support bundles 0644, so any local user could read them. The real CLI and host under umask
// 022 must leave the folder 0700 and every file it writes 0600, and tighten a folder left too open.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const env = { ...process.env, DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The CLI under umask 022, as a login shell on most Linux machines has it. */
function dockside(args: string[]) {
  const r = spawnSync('sh', ['-c', `umask 022 && exec ${quote(process.execPath)} ${quote(docksideEntry())} ${args.map(quote).join(' ')}`], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every folder and file under dir with its permission bits, e.g. { ".": "700", "dockside.sqlite": "600" }. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      found[relative(dir, p)] = (s.mode & 0o777).toString(8);
      if (s.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return found;
}

function expectPrivate(dir: string): Record<string, string> {
  const all = modes(dir);
  for (const [path, mode] of Object.entries(all)) {
    const isDir = statSync(join(dir, path)).isDirectory();
    expect(`${path} ${mode}`).toBe(`${path} ${isDir ? '700' : '600'}`);
  }
  return all;
}

/** `dockside serve` under umask 022 until it is ready, then stopped: it writes logs and the WAL/SHM. */
async function serveOnce(dataDir: string, whileRunning: () => void): Promise<void> {
  const child = spawn('sh', ['-c', `umask 022 && exec ${quote(process.execPath)} ${quote(docksideEntry())} serve --port 0 --data-dir ${quote(dataDir)}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Dockside is ready at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    whileRunning();
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('file permissions under umask 022', () => {
  it('keeps the data folder 0700 and the database, WAL, SHM, backups, logs, bundles and exports 0600', async () => {
    const dir = join(makeTempDir(), 'station');
    expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
    expect(dockside(['batches', 'create', 'PO 1', '--data-dir', dir]).code).toBe(0);
    expect(dockside(['import', 'test/fixtures/import/bom-utf8.csv', '--batch', 'PO 1', '--data-dir', dir]).code).toBe(0);
    expect(dockside(['backup', '--data-dir', dir]).code).toBe(0);
    await serveOnce(dir, () => {
      // SQLite removes the WAL and SHM when the last connection closes: look while the host runs.
      const running = expectPrivate(dir);
      expect(Object.keys(running)).toEqual(expect.arrayContaining(['dockside.sqlite-wal', 'dockside.sqlite-shm', 'logs/dockside.log']));
    });
    expect(dockside(['support-bundle', '--data-dir', dir]).code).toBe(0);
    expect(dockside(['export', 'PO 1', '--format', 'report', '--out', join(dir, 'po1.csv'), '--data-dir', dir]).code).toBe(0);
    const all = expectPrivate(dir);
    // The files the attack was about are really there to be checked.
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['dockside.sqlite', 'backups', 'logs', 'logs/dockside.log', 'support', 'po1.csv']));
    expect(Object.keys(all).some((p) => /^backups\/manual-\d+\.sqlite$/.test(p))).toBe(true);
    expect(Object.keys(all).some((p) => /^support\/.+\.zip$/.test(p))).toBe(true);
  }, 240_000);

  it('tightens a data folder left open by an older version (0755 folder, 0644 database, backups and logs)', () => {
    const dir = join(makeTempDir(), 'station');
    expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
    expect(dockside(['backup', '--data-dir', dir]).code).toBe(0);
    mkdirSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'dockside.log'), '{"msg":"old"}\n');
    writeFileSync(join(dir, 'logs', 'dockside.1.log'), '{"msg":"older"}\n');
    const loosen = (d: string) => {
      chmodSync(d, 0o755);
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) loosen(p);
        else chmodSync(p, 0o644);
      }
    };
    loosen(dir);
    expect(modes(dir)['dockside.sqlite']).toBe('644');
    expect(dockside(['verify', '--data-dir', dir]).code).toBe(0);
    expectPrivate(dir);
  }, 240_000);
});
