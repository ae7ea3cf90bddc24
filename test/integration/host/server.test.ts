import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { ADMIN, makeTempDir, tempStation, type TempStation } from '../../helpers/temp-station';

let t: TempStation;
let host: RunningHost;
const TOKEN = 'test-host-token-0123';

beforeAll(async () => {
  t = await tempStation();
  const staticDir = join(makeTempDir(), 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dockside</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ station: t.station, port: 0, hostToken: TOKEN, staticDir });
});
afterAll(async () => {
  await host.close();
  t.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so tests can send any Host header (fetch would not let them). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dockside-token': TOKEN, ...headers }, body: JSON.stringify(input) });

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('trades the token in the URL for an HttpOnly cookie scoped to this port, and drops it from the address', async () => {
    const res = await send(`/?token=${TOKEN}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`^dockside_${host.port}=${TOKEN}; HttpOnly; SameSite=Strict`));
    const withCookie = await send('/', { headers: { cookie: `dockside_${host.port}=${TOKEN}` } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body).toContain('<title>Dockside</title>');
  });

  it('refuses requests without the token, with a wrong one, or with the cookie of another port', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
    expect((await rpc('station:info', {}, { 'x-dockside-token': 'wrong' })).status).toBe(401);
    expect((await send('/', { headers: { cookie: `dockside_1=${TOKEN}` } })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await send('/', { headers: { host: 'attacker.example', 'x-dockside-token': TOKEN } })).status).toBe(421);
    expect((await rpc('station:info', {}, { origin: 'https://attacker.example' })).status).toBe(403);
    expect((await rpc('station:info', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('answers channels with envelopes and keeps the operator session in its own header', async () => {
    const info = JSON.parse((await rpc('station:info', {})).body);
    expect(info).toMatchObject({ ok: true, value: { needsFirstAdmin: false } });
    const signIn = JSON.parse((await rpc('session:signIn', ADMIN)).body);
    expect(signIn.ok).toBe(true);
    const list = JSON.parse((await rpc('operators:list', {}, { 'x-dockside-session': signIn.value.token })).body);
    expect(list).toMatchObject({ ok: true });
    expect(JSON.parse((await rpc('operators:list', {})).body)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('refuses non-JSON bodies, malformed JSON and GET on channels', async () => {
    const form = await send('/rpc/station:info', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-dockside-token': TOKEN }, body: '{}' });
    expect(form.status).toBe(415);
    const broken = await send('/rpc/station:info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dockside-token': TOKEN }, body: '{"a":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await send('/rpc/station:info', { headers: { 'x-dockside-token': TOKEN } })).status).toBe(405);
  });

  it('sends the CSP and hardening headers, and never serves files outside the renderer', async () => {
    const res = await send('/', { headers: { 'x-dockside-token': TOKEN } });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/x%00.js']) {
      const r = await send(path, { headers: { 'x-dockside-token': TOKEN } });
      expect(r.body).not.toContain('"name": "dockside"');
    }
    expect((await send('/assets/app.js', { headers: { 'x-dockside-token': TOKEN } })).body).toBe('console.log(1)');
  });

  it('streams db:changed events to the browser', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${host.origin}/events`, { headers: { 'x-dockside-token': TOKEN }, signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const signIn = JSON.parse((await rpc('session:signIn', ADMIN)).body);
    await rpc('operators:add', { name: 'Sse Test', role: 'operator', pin: '739154' }, { 'x-dockside-session': signIn.value.token });
    let text = '';
    while (!text.includes('event: db:changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"tables":["operators","audit"]');
    controller.abort();
  });
});
