// Secrets on the command line: `--pin 482913` and `--token T` can be read by every user of the machine
// (ps, /proc/<pid>/cmdline) and stay in shell history. The real CLI takes `--pin -` (one line piped
// on stdin, or typed at a prompt that does not echo when stdin is a terminal) and the environment,
// says so in --help, and warns when a secret is given as a value.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const PIN = '482913';
const baseEnv = { ...process.env, DOCKSIDE_AS: '', DOCKSIDE_PIN: '', DOCKSIDE_HOST_TOKEN: '' };

function dockside(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8', input: options.input ?? '', env: { ...baseEnv, ...options.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;

beforeAll(() => {
  dir = makeTempDir();
  const init = dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '-'], { input: `${PIN}\n` });
  expect(init.code, init.err).toBe(0);
  expect(init.err).not.toMatch(/warning/);
}, 240_000);

describe('secrets kept off the command line', () => {
  it('reads --pin - from piped stdin, without a warning', () => {
    const r = dockside(['operators', 'list', '--as', 'Ada', '--pin', '-', '--data-dir', dir], { input: `${PIN}\n` });
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/Ada\s+admin\s+active/) });
    expect(r.err).toBe('');
  });

  it('reads DOCKSIDE_PIN from the environment, without a warning', () => {
    const r = dockside(['operators', 'list', '--as', 'Ada', '--data-dir', dir], { env: { DOCKSIDE_PIN: PIN } });
    expect(r).toMatchObject({ code: 0, err: '' });
  });

  it('still takes --pin VALUE but warns on stderr that other users can see it', () => {
    const r = dockside(['operators', 'list', '--as', 'Ada', '--pin', PIN, '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: --pin on the command line can be seen by other users.*--pin - .*DOCKSIDE_PIN/);
  });

  it('says plainly when --pin - gets nothing on stdin', () => {
    const r = dockside(['operators', 'list', '--as', 'Ada', '--pin', '-', '--data-dir', dir], { input: '' });
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/--pin - reads the PIN from standard input, but none came/) });
  });

  it('takes the new operator PIN from stdin too (--new-pin - after --pin -, one line each)', () => {
    const r = dockside(['operators', 'add', 'Olga', '--role', 'operator', '--new-pin', '-', '--as', 'Ada', '--pin', '-', '--data-dir', dir], { input: `${PIN}\n602817\n` });
    expect(r, r.err).toMatchObject({ code: 0, out: 'Added Olga (operator).\n' });
    expect(dockside(['operators', 'list', '--as', 'Olga', '--data-dir', dir], { env: { DOCKSIDE_PIN: '602817' } }).code).toBe(1);
    expect(dockside(['batches', 'list', '--as', 'Olga', '--data-dir', dir], { env: { DOCKSIDE_PIN: '602817' } }).code).toBe(0);
  });

  it('asks for the PIN without echoing it when stdin is a terminal', async () => {
    // `script` gives the CLI a real pseudo-terminal; the PIN is typed once the prompt shows.
    const child = spawn('script', ['-qec', `${process.execPath} ${docksideEntry()} operators list --as Ada --pin - --data-dir ${dir}`, '/dev/null'], { env: baseEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    let typed = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        seen += c.toString();
        if (!typed && seen.includes('PIN: ')) {
          typed = true;
          child.stdin.write(`${PIN}\r`);
        }
      });
      child.once('exit', resolve);
    });
    expect(code).toBe(0);
    expect(seen).toMatch(/PIN: /);
    expect(seen).toMatch(/Ada\s+admin\s+active/);
    expect(seen).not.toContain(PIN);
  }, 240_000);

  it('keeps a host token read from stdin out of the process command line (what ps shows)', async () => {
    const token = 'a-host-token-from-stdin-0123456789';
    const child = spawn(process.execPath, [docksideEntry(), 'serve', '--port', '0', '--host-token', '-', '--data-dir', makeTempDir()], { env: baseEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(`${token}\n`);
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /Dockside is ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
      });
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('--host-token');
      expect(cmdline).not.toContain(token);
      const res = await fetch(`${origin}/rpc/station:info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dockside-token': token }, body: '{}' });
      expect(res.status).toBe(200);
    } finally {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    }
  }, 240_000);

  it('says so in --help', () => {
    const r = dockside(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--pin - \(typed without echo, or one line piped/);
    expect(r.out).toMatch(/DOCKSIDE_PIN/);
    expect(r.out).toMatch(/--token - or DOCKSIDE_PARTNER_CENTER_TOKEN/);
    expect(dockside(['operators', '--help']).out).toMatch(/--new-pin -/);
  });
});
