// The browser host: the contract over `POST /rpc/<channel>` and server-sent events on 127.0.0.1,
// serving the built renderer. It is how the station runs where Electron cannot, and what the
// end-to-end tests drive.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';
import type { Station } from '../core/station';
import { cookieName, hasToken, hostIsAllowed, hostTokenProblem, originIsAllowed, tokensEqual, type GuardConfig } from './guard';
import { handleRpc } from './rpc';
import { openEventStream } from './sse';
import { resolveStatic, sendFile } from './static-files';

export interface HostOptions {
  station: Station;
  port?: number;
  /** Fixed token (scripts, tests); a random one per start otherwise. */
  hostToken?: string;
  staticDir?: string;
}

export interface RunningHost {
  readonly port: number;
  readonly origin: string;
  /** The URL to open: it hands the browser the token once, then drops it from the address bar. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export const defaultStaticDir = join(process.cwd(), 'out', 'renderer');

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

export class HostTokenRefused extends Error {}

/** Headers must arrive within this time (slowloris); the whole request within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 300_000;
/** Enough for every tab of a busy station (Chromium opens up to six per host); a flood is turned away. */
const MAX_CONNECTIONS = 512;

function page(res: ServerResponse, status: number, title: string, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`);
}

function route(req: IncomingMessage, res: ServerResponse, guard: GuardConfig, options: HostOptions, staticDir: string): void {
  if (!hostIsAllowed(req, guard.port)) return page(res, 421, 'Wrong address', 'Open the station at the address printed by dockside serve.');
  if (!originIsAllowed(req, guard.port)) return page(res, 403, 'Refused', 'Requests from other web pages are refused.');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://127.0.0.1:${guard.port}`);
  } catch {
    return page(res, 400, 'Bad address', 'The address of this request cannot be read.');
  }
  const offered = url.searchParams.get('token');
  if (offered !== null && req.method === 'GET') {
    if (!tokensEqual(offered, guard.token)) return page(res, 401, 'This link is out of date', 'Open the URL printed by the latest dockside serve.');
    url.searchParams.delete('token');
    res.writeHead(303, {
      ...securityHeaders,
      location: url.pathname + url.search,
      'set-cookie': `${cookieName(guard.port)}=${encodeURIComponent(guard.token)}; HttpOnly; SameSite=Strict; Path=/`,
    });
    return void res.end();
  }
  if (!hasToken(req, guard)) return page(res, 401, 'Sign-in link needed', 'Open the URL printed by dockside serve (it carries a one-time token).');
  if (url.pathname.startsWith('/rpc/')) {
    handleRpc(req, res, url.pathname.slice(5), options.station, securityHeaders).catch((err: unknown) => failed(res, options, err));
    return;
  }
  if (url.pathname === '/events' && req.method === 'GET') return openEventStream(req, res, options.station, securityHeaders);
  if (req.method !== 'GET' && req.method !== 'HEAD') return page(res, 405, 'Not allowed', 'Only GET here.');
  if (!existsSync(join(staticDir, 'index.html'))) return page(res, 503, 'Station not built', 'Run npm run build (or npm run web) first.');
  const file = resolveStatic(staticDir, url.pathname);
  if (!file) return page(res, 404, 'Not found', 'There is nothing at this address.');
  sendFile(req, res, file, securityHeaders);
}

function failed(res: ServerResponse, options: HostOptions, err: unknown): void {
  options.station.logger.error('host request failed', err);
  if (!res.headersSent) page(res, 500, 'Error', 'The station could not answer; see the log.');
  else res.destroy();
}

/** Requests Node cannot parse (bad syntax, huge headers, too slow) get a plain answer; a vanished client, nothing. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, text] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'This is not a request the station understands.'];
  const body = `${text}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  if (options.hostToken !== undefined) {
    const problem = hostTokenProblem(options.hostToken);
    if (problem) throw new HostTokenRefused(problem);
  }
  const token = options.hostToken ?? randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? defaultStaticDir;
  const guard: GuardConfig = { port: 0, token };
  const server: Server = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    // A client that vanishes makes these emit 'error'; no listener would end the process.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      route(req, res, guard, options, staticDir);
    } catch (err) {
      failed(res, options, err);
    }
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.removeAllListeners('error');
  server.on('error', (err) => options.station.logger.error('the browser host had a server error', err));
  guard.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${guard.port}`;
  return {
    port: guard.port,
    origin,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
