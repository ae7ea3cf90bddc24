// The PIN lock-out attacked for real: a `dockside serve` child process on a real SQLite file, hundreds
// of concurrent sign-ins over real sockets, and the CLI as concurrent child processes.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../../../shared/domain/pin';
import { startHostProcess, type HostProcess } from '../../helpers/host-process';
import { ADMIN, makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

const OLGA = { name: 'Olga', pin: '602817' };
let host: HostProcess | undefined;
afterEach(async () => {
  await host?.kill();
  host = undefined;
});

type Reply = Awaited<ReturnType<HostProcess['rpc']>>;

/**
 * One request on its own connection (no keep-alive pool), so each guess is its own socket, as from
 * many attackers, and no reply is lost to a pooled connection the server is just closing.
 */
function rpcOn(h: HostProcess, channel: string, input: unknown, session?: string): Promise<Reply> {
  const url = new URL(`${h.origin}/rpc/${channel}`);
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-dockside-token': h.token, ...(session ? { 'x-dockside-session': session } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as Reply));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function stationWithOlga(): Promise<{ dir: string; host: HostProcess; admin: string }> {
  const dir = makeTempDir();
  const h = await startHostProcess(dir);
  host = h;
  expect((await h.rpc('station:setupFirstAdmin', ADMIN)).ok).toBe(true);
  const admin = (await h.rpc<{ token: string }>('session:signIn', ADMIN)).value!.token;
  expect((await h.rpc('operators:add', { ...OLGA, role: 'operator' }, admin)).ok).toBe(true);
  return { dir, host: h, admin };
}

/** Distinct wrong PINs (none is Olga's), as a guesser walking the PIN space would send them. */
const wrongPins = (n: number) => Array.from({ length: n }, (_, i) => String(100000 + i * 37));

function audit(dir: string): { action: string; result: string; operator_name: string | null; detail: string }[] {
  const db = new Database(join(dir, 'dockside.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT action, result, operator_name, detail FROM audit ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

const checkedWrong = (rows: ReturnType<typeof audit>, action: string) => rows.filter((r) => r.action === action && r.result === 'failed' && r.detail.includes('"wrong PIN"')).length;

describe('PIN lock-out under concurrent guessing (real host, real sockets)', () => {
  it('200 wrong PINs at once plus the right one: at most the threshold are checked, the right PIN is refused, and stays refused', async () => {
    const { dir, host: h } = await stationWithOlga();
    const replies: Reply[] = await Promise.all([...wrongPins(200), OLGA.pin].map((pin) => rpcOn(h, 'session:signIn', { name: OLGA.name, pin })));
    expect(replies.filter((r) => r.ok)).toHaveLength(0);
    for (const r of replies) expect(['BAD_CREDENTIALS', 'LOCKED_OUT']).toContain(r.error?.code);
    expect(replies.at(-1)?.error?.code).toBe('LOCKED_OUT');
    expect(replies.filter((r) => r.error?.code === 'LOCKED_OUT').length).toBeGreaterThanOrEqual(201 - LOCKOUT_THRESHOLD);
    // Afterwards, with nothing in flight, the right PIN is still refused: the lock-out holds.
    expect((await rpcOn(h, 'session:signIn', OLGA)).error?.code).toBe('LOCKED_OUT');
    await h.kill();
    const rows = audit(dir);
    expect(checkedWrong(rows, 'session:signIn')).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect(rows.filter((r) => r.action === 'session:signIn' && r.result === 'ok' && r.operator_name === OLGA.name)).toHaveLength(0);
    expect(rows.filter((r) => r.action === 'session:lockedOut')).toHaveLength(1);
  }, 240_000);

  it("changing one's PIN shares the lock-out: guessing the current PIN locks sign-in too, and the right current PIN is refused while locked", async () => {
    const { dir, host: h } = await stationWithOlga();
    const session = (await h.rpc<{ token: string }>('session:signIn', OLGA)).value!.token;
    const replies = await Promise.all([...wrongPins(60), OLGA.pin].map((currentPin) => rpcOn(h, 'session:changePin', { currentPin, newPin: '951846' }, session)));
    expect(replies.filter((r) => r.ok)).toHaveLength(0);
    expect(replies.at(-1)?.error?.code).toBe('LOCKED_OUT');
    expect((await rpcOn(h, 'session:changePin', { currentPin: OLGA.pin, newPin: '951846' }, session)).error?.code).toBe('LOCKED_OUT');
    expect((await rpcOn(h, 'session:signIn', OLGA)).error?.code).toBe('LOCKED_OUT');
    await h.kill();
    expect(checkedWrong(audit(dir), 'session:changePin')).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect(audit(dir).filter((r) => r.action === 'session:changePin' && r.result === 'ok')).toHaveLength(0);
  }, 240_000);

  it('a name that is no operator answers like a real one (same codes, same words, same lock-out), and is stored nowhere', async () => {
    const { dir, host: h } = await stationWithOlga();
    // The admin's PIN typed into the name field: the classic slip the audit must not keep.
    const typed = ADMIN.pin;
    const sequential = async (name: string) => {
      const out: Reply[] = [];
      for (const pin of wrongPins(LOCKOUT_THRESHOLD + 1)) out.push(await rpcOn(h, 'session:signIn', { name, pin }));
      return out;
    };
    const real = await sequential(OLGA.name);
    const ghost = await sequential(typed);
    const shape = (r: Reply, name: string) => ({ code: r.error?.code, message: r.error?.message.replaceAll(name, 'NAME').replace(/\d\d:\d\d:\d\d/, 'HH:MM:SS') });
    expect(ghost.map((r) => shape(r, typed))).toEqual(real.map((r) => shape(r, OLGA.name)));
    expect(ghost.at(-1)?.error?.code).toBe('LOCKED_OUT');
    // Concurrent guesses at a made-up name are limited too.
    const burst = await Promise.all(wrongPins(100).map((pin) => rpcOn(h, 'session:signIn', { name: 'Mallory', pin })));
    expect(burst.filter((r) => r.error?.code === 'LOCKED_OUT').length).toBeGreaterThanOrEqual(100 - LOCKOUT_THRESHOLD);
    await h.kill();
    const rows = audit(dir);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(typed);
    expect(stored).not.toContain('Mallory');
    expect(rows.filter((r) => r.action === 'session:signIn' && r.detail.includes('not an operator')).length).toBeGreaterThanOrEqual(LOCKOUT_THRESHOLD + 1);
    for (const file of readdirSync(join(dir, 'logs'))) expect(readFileSync(join(dir, 'logs', file), 'utf8')).not.toContain(typed);
  }, 240_000);
});

function cli(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docksideEntry(), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, err }));
  });
}

describe('PIN lock-out through the CLI (concurrent child processes on one database file)', () => {
  it('eight concurrent commands with wrong PINs: at most the threshold are checked; then the right PIN is refused', async () => {
    const dir = makeTempDir();
    expect((await cli(['init', '--data-dir', dir, '--admin', ADMIN.name, '--pin', ADMIN.pin])).code).toBe(0);
    expect((await cli(['operators', 'add', OLGA.name, '--role', 'lead', '--new-pin', OLGA.pin, '--data-dir', dir, '--as', ADMIN.name, '--pin', ADMIN.pin])).code).toBe(0);
    const runs = await Promise.all(wrongPins(8).map((pin) => cli(['batches', 'list', '--data-dir', dir, '--as', OLGA.name, '--pin', pin])));
    for (const r of runs) expect(r.err).toMatch(/BAD_CREDENTIALS|LOCKED_OUT/);
    expect(runs.filter((r) => /LOCKED_OUT/.test(r.err)).length).toBeGreaterThanOrEqual(8 - LOCKOUT_THRESHOLD);
    const right = await cli(['batches', 'list', '--data-dir', dir, '--as', OLGA.name, '--pin', OLGA.pin]);
    expect(right).toMatchObject({ code: 1, err: expect.stringMatching(/locked after too many wrong PINs.*LOCKED_OUT/) });
    expect(checkedWrong(audit(dir), 'session:signIn')).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
  }, 400_000);
});
