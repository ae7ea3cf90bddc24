// dockside customers refresh|list, serve --partner-center-url and demo as child processes, against an
// emulator this test starts on loopback.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { CONTOSO, start } from '../emulator/helpers';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

/** Async on purpose: the emulator answers from this process, so a blocking spawnSync would deadlock. */
function dockside(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [docksideEntry(), ...args], {
    env: { ...process.env, DOCKSIDE_PARTNER_CENTER_URL: '', DOCKSIDE_PARTNER_CENTER_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

/** Starts a long-running command and resolves with its output once `ready` matches. */
function startLong(args: string[], ready: RegExp) {
  const child = spawn(process.execPath, [docksideEntry(), ...args], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${out}\n${err}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', () => reject(new Error(`exited early: ${out}\n${err}`)));
  });
  return { child, started, done, output: () => out };
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ switches: { customersPageCap: 1 } });
});
afterAll(() => emu.close());

describe('dockside customers', () => {
  it('refresh (2 pages) as a lead, list as an operator, search, JSON; refused for an operator', { timeout: 60_000 }, async () => {
    const dir = makeTempDir();
    await dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    const admin = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
    await dockside(['operators', 'add', 'Lee', '--role', 'lead', '--new-pin', '739154', '--data-dir', dir], admin);
    await dockside(['operators', 'add', 'Olga', '--role', 'operator', '--new-pin', '602817', '--data-dir', dir], admin);
    const pc = ['--partner-center-url', emu.url, '--token', 'emulator-app-user-token'];
    const lead = { DOCKSIDE_AS: 'Lee', DOCKSIDE_PIN: '739154' };
    const operator = { DOCKSIDE_AS: 'Olga', DOCKSIDE_PIN: '602817' };

    expect(await dockside(['customers', 'list', '--data-dir', dir], operator)).toMatchObject({ code: 0, out: expect.stringMatching(/No customer list yet/) });
    expect(await dockside(['customers', 'refresh', '--data-dir', dir, ...pc], operator)).toMatchObject({ code: 1, err: expect.stringMatching(/FORBIDDEN/) });
    expect(await dockside(['customers', 'refresh', '--data-dir', dir, ...pc], lead)).toMatchObject({ code: 0, out: 'Fetched 2 customers from Partner Center (2 pages): 2 new.\n' });
    const text = await dockside(['customers', 'list', '--data-dir', dir], operator);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Contoso Ltd\s+contoso\.onmicrosoft\.com\s+reseller\s+6f1c4a2e/);
    expect(text.out).toMatch(/Customer list from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./);
    const json = JSON.parse((await dockside(['customers', 'list', '--json', '--search', 'CONTO', '--data-dir', dir], operator)).out) as { customers: { tenantId: string }[] };
    expect(json.customers.map((c) => c.tenantId)).toEqual([CONTOSO]);
    expect((await dockside(['customers', 'list', '--search', 'zzz', '--data-dir', dir], operator)).out).toMatch(/No customer matches "zzz"/);
  });

  it('refresh says what to pass when Partner Center is not given, and fails cleanly when it is unreachable', async () => {
    const dir = makeTempDir();
    await dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    const admin = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
    expect(await dockside(['customers', 'refresh', '--data-dir', dir], admin)).toMatchObject({ code: 2, err: expect.stringMatching(/pass --partner-center-url URL and --token TOKEN[\s\S]*emulator-app-user-token/) });
    expect(await dockside(['customers', 'refresh', '--data-dir', dir, '--partner-center-url', emu.url], admin)).toMatchObject({ code: 2, err: expect.stringMatching(/needs --token/) });
    expect(await dockside(['customers', 'refresh', '--data-dir', dir, '--partner-center-url', 'http://example.com', '--token', 'x'], admin)).toMatchObject({ code: 2, err: expect.stringMatching(/must be https/) });
    const dead = await start();
    const url = dead.url;
    await dead.close();
    const r = await dockside(['customers', 'refresh', '--data-dir', dir, '--partner-center-url', url, '--token', 'emulator-app-user-token'], admin);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/could not be reached.*No customer list has been fetched yet.*\[OFFLINE\]/) });
    expect(await dockside(['customers', 'refresh', '--data-dir', dir, '--partner-center-url', emu.url, '--token', 'emulator-expired-token'], admin)).toMatchObject({ code: 1, err: expect.stringMatching(/sign-in is needed/) });
  }, 60_000);
});

describe('dockside serve with --partner-center-url', () => {
  it('runs the host in practice mode against the emulator', async () => {
    const dir = makeTempDir();
    await dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    const run = startLong(['serve', '--data-dir', dir, '--port', '0', '--host-token', 'hosttoken1234567', '--partner-center-url', emu.url, '--token', 'emulator-app-user-token'], /Dockside is ready at (\S+)/);
    try {
      const out = await run.started;
      const origin = new URL(/Dockside is ready at (\S+)/.exec(out)![1]!).origin;
      const rpc = async (channel: string, input: unknown, session?: string) => {
        const res = await fetch(`${origin}/rpc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dockside-token': 'hosttoken1234567', ...(session ? { 'x-dockside-session': session } : {}) },
          body: JSON.stringify(input),
        });
        return (await res.json()) as { ok: boolean; value?: Record<string, unknown> };
      };
      expect(await rpc('station:info', {})).toMatchObject({ ok: true, value: { practiceMode: true } });
    } finally {
      run.child.kill('SIGTERM');
      await run.done;
    }
  }, 60_000);
});

describe('dockside demo', () => {
  it('starts the emulator, seeds operators with PINs, fetches customers and prints the URL', async () => {
    const run = startLong(['demo', '--port', '0'], /Dockside is ready at (\S+)/);
    try {
      const out = await run.started;
      expect(out).toMatch(/Fetched 4 customers from the emulator/);
      expect(out).toMatch(/admin\s+Ada Admin\s+PIN \d{6}/);
      expect(out).toMatch(/lead\s+Lee Lead\s+PIN \d{6}/);
      expect(out).toMatch(/operator\s+Olga Operator\s+PIN \d{6}/);
      expect(out).toMatch(/Practice mode: Partner Center emulator at http:\/\/127\.0\.0\.1:\d+/);
      const url = /Dockside is ready at (\S+)/.exec(out)![1]!;
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(303);
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.done).toBe(0);
    }
  }, 60_000);
});
