// Weak host tokens: `dockside serve --host-token ''` used to start, and then a request with an empty
// token header got in; a one-character token was accepted too.
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { startHostProcess } from '../../helpers/host-process';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/** Runs serve until it exits or says it is ready (then stops it). */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; ready: boolean; out: string; err: string }> {
  const child = spawn(process.execPath, [docksideEntry(), 'serve', '--data-dir', makeTempDir(), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (/Dockside is ready at/.test(out)) {
        child.kill('SIGTERM');
        child.once('exit', () => resolve({ code: null, ready: true, out, err }));
      }
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, ready: false, out, err }));
  });
}

describe('dockside serve --host-token', () => {
  it.each([[''], ['a'], ['0123456789abcde']])('refuses the token %j with a sentence and a non-zero exit', async (token) => {
    const r = await serve(['--host-token', token]);
    expect(r.ready).toBe(false);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/host token must be at least 16 characters/);
    expect(r.err).not.toMatch(/\n\s+at |unexpected error/);
  });

  it('refuses a token with spaces, which no header could carry back intact', async () => {
    const r = await serve(['--host-token', ' 0123456789abcdef ']);
    expect(r).toMatchObject({ ready: false, code: 2, err: expect.stringMatching(/printable ASCII/) });
  });

  it('accepts a 16-character token, and then an empty, short or almost-right token gets nothing', async () => {
    const host = await startHostProcess(makeTempDir());
    try {
      const call = (token: string) => fetch(`${host.origin}/rpc/station:info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dockside-token': token }, body: '{}' });
      for (const wrong of ['', 'a', host.token.slice(0, -1), `${host.token}x`, `${host.token.slice(0, -1)}${host.token.endsWith('0') ? '1' : '0'}`]) {
        expect((await call(wrong)).status).toBe(401);
      }
      expect((await call(host.token)).status).toBe(200);
    } finally {
      await host.kill('SIGTERM');
    }
  });
});
