// Attacks on the real browser host (`dockside serve` as a child process, real sockets, real SQLite
// file): each request below once ended the process or got a reset instead of an answer. After every
// attack the same process must still answer a normal call.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHostProcess, type HostProcess } from '../../helpers/host-process';
import { makeTempDir } from '../../helpers/temp-station';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let host: HostProcess;
let dataDir: string;
let port: number;
const stderr: string[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  const staticDir = join(makeTempDir(), 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dockside</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHostProcess(dataDir, ['--static-dir', staticDir]);
  host.child.stderr?.on('data', (c: Buffer) => stderr.push(c.toString()));
  port = Number(new URL(host.origin).port);
}, 240_000);

afterAll(async () => {
  await host.kill('SIGTERM');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The host process is still running and answers a channel call. */
async function stillServing(): Promise<void> {
  await sleep(150);
  expect(host.child.exitCode, `host exited; stderr: ${stderr.join('')}`).toBeNull();
  expect(host.child.signalCode).toBeNull();
  expect(await host.rpc('station:info', {})).toMatchObject({ ok: true });
}

/** Writes raw bytes on a fresh socket and collects whatever comes back until the host closes it (or a pause). */
function raw(bytes: string | Buffer, options: { waitMs?: number; keepOpen?: boolean } = {}): Promise<{ text: string; socket: Socket; reset: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let reset = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      if (!options.keepOpen) socket.destroy();
      resolve({ text, socket, reset });
    };
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') reset = true;
      finish();
    });
    socket.on('close', finish);
    socket.write(bytes);
    setTimeout(finish, options.waitMs ?? 1500);
  });
}

const auth = () => `host: 127.0.0.1:${port}\r\nx-dockside-token: ${host.token}\r\n`;

function statusOf(text: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
}

describe('the browser host against hostile requests', () => {
  it('survives a body announced as 1 MB, partly sent and then dropped (Error: aborted)', async () => {
    for (let i = 0; i < 3; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise<void>((r) => socket.once('connect', () => r()));
      socket.write(`POST /rpc/station:info HTTP/1.1\r\n${auth()}content-type: application/json\r\ncontent-length: 1000000\r\n\r\n{"a":"${'x'.repeat(5000)}`);
      await sleep(100);
      socket.destroy();
    }
    await stillServing();
  });

  it('survives an upload cancelled half-way the way a browser cancels it (reset mid-body)', async () => {
    const req = request({ host: '127.0.0.1', port, path: '/rpc/import:preview', method: 'POST', headers: { host: `127.0.0.1:${port}`, 'x-dockside-token': host.token, 'content-type': 'application/json' } });
    req.on('error', () => undefined);
    req.write('{"batchId":1,"fileName":"slow.csv","contentBase64":"');
    for (let i = 0; i < 20; i++) req.write('QUJD'.repeat(1000));
    await sleep(200);
    req.destroy();
    await stillServing();
  });

  it('answers a channel name with broken percent-encoding (URIError) with a 400 and a sentence', async () => {
    const r = await raw(`POST /rpc/%E0%A4%A HTTP/1.1\r\n${auth()}content-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`);
    expect(statusOf(r.text)).toBe(400);
    expect(r.text).toMatch(/channel name/i);
    await stillServing();
  });

  it('answers a body over the limit (70 MB) with a 413 and a plain sentence, not a reset', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/rpc/import:preview', method: 'POST', headers: { host: `127.0.0.1:${port}`, 'x-dockside-token': host.token, 'content-type': 'application/json', 'content-length': String(70 * 1024 * 1024) } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 70) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than 64 MB/) } });
    await stillServing();
  }, 240_000);

  it('answers bad JSON, a wrong content type, a chunked body and pipelined requests', async () => {
    const bad = await raw(`POST /rpc/station:info HTTP/1.1\r\n${auth()}content-type: application/json\r\ncontent-length: 5\r\nconnection: close\r\n\r\n{"a":`);
    expect(statusOf(bad.text)).toBe(400);
    const form = await raw(`POST /rpc/station:info HTTP/1.1\r\n${auth()}content-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`);
    expect(statusOf(form.text)).toBe(415);
    const chunked = await raw(`POST /rpc/station:info HTTP/1.1\r\n${auth()}content-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n`);
    expect(statusOf(chunked.text)).toBe(200);
    expect(chunked.text).toContain('"ok":true');
    const one = `POST /rpc/station:info HTTP/1.1\r\n${auth()}content-type: application/json\r\ncontent-length: 2\r\n\r\n{}`;
    const pipelined = await raw(`${one}${one}${one.replace('\r\n\r\n{}', '\r\nconnection: close\r\n\r\n{}')}`);
    expect(pipelined.text.match(/HTTP\/1\.1 200/g)).toHaveLength(3);
    await stillServing();
  });

  it('answers HEAD, OPTIONS, odd methods, huge headers, NUL bytes and bad cookies without falling over', async () => {
    expect(statusOf((await raw(`HEAD / HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`)).text)).toBe(200);
    expect(statusOf((await raw(`OPTIONS /rpc/station:info HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`)).text)).toBe(405);
    expect(statusOf((await raw(`DELETE / HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`)).text)).toBe(405);
    const odd = await raw(`BREW / HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`);
    expect(statusOf(odd.text)).toBe(400);
    const huge = await raw(`GET / HTTP/1.1\r\n${auth()}x-padding: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(statusOf(huge.text)).toBe(431);
    const nul = await raw(`GET /x\0y HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`);
    expect(statusOf(nul.text)).toBe(400);
    const cookie = await raw(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: dockside_${port}=%E0%A4%A\r\nconnection: close\r\n\r\n`);
    expect(statusOf(cookie.text)).toBe(401);
    const absolute = await raw(`GET http://[::1 HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`);
    expect(statusOf(absolute.text)).toBeGreaterThanOrEqual(400);
    expect(statusOf(absolute.text)).toBeLessThan(500);
    await stillServing();
  });

  it('never serves a file outside the renderer, however the path is spelled', async () => {
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..\\..\\package.json', '/x%00.js', '/%c0%ae%c0%ae/package.json']) {
      const r = await raw(`GET ${path} HTTP/1.1\r\n${auth()}connection: close\r\n\r\n`);
      expect(r.text).not.toMatch(/root:x:0|"name": "dockside"/);
      expect(statusOf(r.text)).not.toBe(500);
    }
    await stillServing();
  });

  it('keeps answering while a slowloris client trickles headers and SSE clients vanish', async () => {
    const slow = connect(port, '127.0.0.1');
    slow.on('error', () => undefined);
    slow.write('GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    const drip = setInterval(() => slow.write('x-a: b\r\n'), 50);
    for (let i = 0; i < 5; i++) {
      const gone = await raw(`GET /events HTTP/1.1\r\n${auth()}\r\n`, { waitMs: 100 });
      expect(statusOf(gone.text)).toBe(200);
    }
    // An event after the listeners vanished: writing to their closed responses must not end the host.
    const setup = await host.rpc<{ token: string }>('station:setupFirstAdmin', { name: 'Ada Admin', pin: '482913' });
    expect(setup.ok).toBe(true);
    await stillServing();
    clearInterval(drip);
    slow.destroy();
  });

  it('logged no crash of its own', () => {
    const log = readFileSync(join(dataDir, 'logs', 'dockside.log'), 'utf8');
    expect(log).not.toMatch(/uncaught|unhandled/i);
  });
});
