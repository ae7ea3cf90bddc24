import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, resetElectronMock } from '../../../helpers/electron-mock';
import { contentSecurityPolicy } from '../../../../shared/csp';
import { createAppProtocolHandler, registerAppScheme, resolveInside, serveApp } from '../../../../electron/main/protocol';

// <tmp>/secret.txt sits right beside the served folder, so a traversal that worked would find it.
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dockside-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dockside</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  handler = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the shell with the CSP and nosniff headers', async () => {
    for (const url of ['app://dockside/index.html', 'app://dockside/']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>Dockside</title>');
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves assets with their MIME type (module scripts need it)', async () => {
    const res = await get('app://dockside/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await res.text()).toBe('console.log("app")');
  });

  it('refuses path traversal, encoded or not', async () => {
    const attempts = [
      'app://dockside/..%2fsecret.txt',
      'app://dockside/%2e%2e%2fsecret.txt',
      'app://dockside/assets/..%2f..%2fsecret.txt',
      'app://dockside/assets%2f..%2f..%2fsecret.txt',
      'app://dockside/%2e%2e%5csecret.txt',
      'app://dockside/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      `app://dockside/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://dockside/index.html%00.js',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('SECRET');
    }
  });

  it('never leaks a file outside the root even when the URL parser has already removed the dots', async () => {
    // new URL() turns app://dockside/../../etc/passwd into /etc/passwd: an extension-less client route
    // inside the root, so the shell comes back, never the system file.
    const res = await get('app://dockside/../../etc/passwd');
    expect(await res.text()).toContain('<title>Dockside</title>');
    expect((await get('app://dockside/../secret.txt')).status).toBe(404);
  });

  it('resolveInside keeps every result inside the root', () => {
    expect(resolveInside(root, '/assets/app-1a2b.js')).toBe(join(root, 'assets', 'app-1a2b.js'));
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/a%00b')).toBeNull();
    // A sibling folder whose name starts with the root's name is still outside it.
    expect(resolveInside(root, '/..%2frenderer-evil%2fx.js')).toBeNull();
  });

  it('answers only its own host and only GET/HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://dockside/index.html', 'POST')).status).toBe(405);
    const head = await get('app://dockside/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('gives client-side routes the shell but a missing asset a 404', async () => {
    expect(await (await get('app://dockside/review')).text()).toContain('<title>Dockside</title>');
    expect((await get('app://dockside/assets/missing.js')).status).toBe(404);
  });
});

describe('app:// scheme registration', () => {
  beforeEach(() => resetElectronMock());

  it('is privileged as standard + secure + fetch, never bypassing CSP', () => {
    registerAppScheme();
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = electronMock.protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
  });

  it('serveApp installs the handler for app:', async () => {
    serveApp(root);
    const installed = electronMock.protocol.handlers.get('app');
    expect(installed).toBeDefined();
    const res = await installed!(new Request('app://dockside/index.html'));
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});
