// The browser host: the contract over `POST /rpc/<channel>` and server-sent events on 127.0.0.1,
// serving the built renderer. It is how the station runs where Electron cannot, and what the
// end-to-end tests drive.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';
import type { Station } from '../core/station';
import { cookieName, hasToken, hostIsAllowed, originIsAllowed, tokensEqual, type GuardConfig } from './guard';
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

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`);
}

function route(req: IncomingMessage, res: ServerResponse, guard: GuardConfig, options: HostOptions, staticDir: string): void {
  if (!hostIsAllowed(req, guard.port)) return page(res, 421, 'Wrong address', 'Open the station at the address printed by dockside serve.');
  if (!originIsAllowed(req, guard.port)) return page(res, 403, 'Refused', 'Requests from other web pages are refused.');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${guard.port}`);
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
  if (url.pathname.startsWith('/rpc/')) return void handleRpc(req, res, url.pathname.slice(5), options.station, securityHeaders);
  if (url.pathname === '/events' && req.method === 'GET') return openEventStream(req, res, options.station, securityHeaders);
  if (req.method !== 'GET' && req.method !== 'HEAD') return page(res, 405, 'Not allowed', 'Only GET here.');
  if (!existsSync(join(staticDir, 'index.html'))) return page(res, 503, 'Station not built', 'Run npm run build (or npm run web) first.');
  const file = resolveStatic(staticDir, url.pathname);
  if (!file) return page(res, 404, 'Not found', 'There is nothing at this address.');
  sendFile(res, file, securityHeaders);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.hostToken ?? randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? defaultStaticDir;
  const guard: GuardConfig = { port: 0, token };
  const server: Server = createServer((req, res) => {
    try {
      route(req, res, guard, options, staticDir);
    } catch (err) {
      options.station.logger.error('host request failed', err);
      if (!res.headersSent) page(res, 500, 'Error', 'The station could not answer; see the log.');
      else res.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
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
