// The renderer is served from app://dockside, a privileged custom scheme, never from file:// (Electron
// security checklist #18). Only files inside out/renderer are served; every response carries the same
// CSP as the browser host.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { appHost, appScheme } from './origin';
import { cacheControlOf, contentTypeOf, resolveInside } from '../host/renderer-files';


const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. No bypassCSP. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(rendererRoot: string): void {
  protocol.handle(appScheme, createAppProtocolHandler(rendererRoot));
}

export { resolveInside } from '../host/renderer-files';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders });
}

export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return refuse(404);
    let file = resolveInside(root, url.pathname);
    if (file === null) return refuse(404);
    if (!(await isFile(file))) {
      // Client-side routes (no extension) get the app shell; a missing asset is a plain 404.
      if (extname(file) !== '') return refuse(404);
      file = join(root, 'index.html');
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...securityHeaders,
        'content-type': contentTypeOf(file),
        'cache-control': cacheControlOf(file),
      },
    });
  };
}
