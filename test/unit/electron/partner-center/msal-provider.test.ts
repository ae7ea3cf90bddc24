import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { browserCommand, systemBrowserOpener } from '../../../../electron/partner-center/msal-open-browser';
import { createTimeoutNetworkClient } from '../../../../electron/partner-center/msal-network';
import { isAuthorizeUrl, PARTNER_CLOUDS, resolveAuthority } from '../../../../electron/partner-center/msal-authority';
import { needsInteractiveSignIn } from '../../../../electron/partner-center/msal-sign-in-errors';
import { secretBoxFromSafeStorage } from '../../../../electron/partner-center/secret-box';

describe('resolveAuthority', () => {
  it('defaults to the global cloud and the organizations tenant', () => {
    expect(resolveAuthority({})).toBe('https://login.microsoftonline.com/organizations');
    expect(resolveAuthority({ tenant: 'contoso.onmicrosoft.com' })).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(resolveAuthority({ cloud: 'china', tenant: '7d1f0a2b-2222-4c3d-8e4f-bbbbbbbbbbbb' })).toBe('https://login.chinacloudapi.cn/7d1f0a2b-2222-4c3d-8e4f-bbbbbbbbbbbb');
    expect(resolveAuthority({ authorityOverride: { authority: 'https://login.fake.test/organizations' } })).toBe('https://login.fake.test/organizations');
  });

  it('refuses a tenant that would change the URL', () => {
    for (const tenant of ['', '../common', 'a/b', 'x?y', 'evil.example#', ' organizations']) {
      expect(() => resolveAuthority({ tenant })).toThrow(/tenant/);
    }
  });

  it('asks for the Partner Center user_impersonation scope', () => {
    expect(PARTNER_CLOUDS.global.scopes).toEqual(['https://api.partnercenter.microsoft.com/user_impersonation']);
    expect(PARTNER_CLOUDS.china.scopes[0]).toMatch(/^https:\/\/.+\.cn\/user_impersonation$/);
  });
});

describe('isAuthorizeUrl', () => {
  const authority = 'https://login.microsoftonline.com/organizations';
  it('accepts the authority’s own authorize endpoint only', () => {
    expect(isAuthorizeUrl('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x&prompt=select_account', authority)).toBe(true);
    for (const url of [
      'http://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com.evil.example/organizations/oauth2/v2.0/authorize',
      'https://user:pw@login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com:8443/organizations/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/logout',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAuthorizeUrl(url, authority), url).toBe(false);
    }
  });
});

describe('needsInteractiveSignIn', () => {
  it('is true only for what a person must fix, never for network trouble', () => {
    expect(needsInteractiveSignIn(new InteractionRequiredAuthError('interaction_required', ''))).toBe(true);
    expect(needsInteractiveSignIn(new ServerError('invalid_grant', '', 'AADSTS50173: revoked'))).toBe(true);
    expect(needsInteractiveSignIn(new ServerError('invalid_request', '', 'x', 'bad_token'))).toBe(true);
    expect(needsInteractiveSignIn(new AuthError('no_tokens_found', ''))).toBe(true);
    expect(needsInteractiveSignIn(new AuthError('network_error', '', 'Request timeout'))).toBe(false);
    expect(needsInteractiveSignIn(new ServerError('invalid_client', '', 'AADSTS7000218'))).toBe(false);
    expect(needsInteractiveSignIn(new ServerError('temporarily_unavailable', ''))).toBe(false);
    expect(needsInteractiveSignIn(new Error('ECONNRESET'))).toBe(false);
  });
});

describe('system browser opener', () => {
  it('passes the URL as one argument, with no shell, and only https', async () => {
    const url = 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?a=1&b="2"';
    expect(browserCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32')).toEqual({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] });
    expect(() => browserCommand('file:///etc/passwd', 'linux')).toThrow(/https/);
    const spawned: Array<[string, readonly string[]]> = [];
    await systemBrowserOpener('linux', async (c, a) => {
      spawned.push([c, a]);
    })(url);
    expect(spawned).toEqual([['xdg-open', [url]]]);
  });
});

describe('createTimeoutNetworkClient', () => {
  it('returns status, lower-case headers and the JSON body', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(400, { 'X-Ms-Request-Id': 'abc', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_grant', echo: body, header: req.headers['x-client-sku'] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createTimeoutNetworkClient(2_000);
      const response = await client.sendPostRequestAsync<{ error: string; echo: string; header: string }>(`http://127.0.0.1:${port}/t`, { body: 'a=1', headers: { 'x-client-SKU': 'msal.js.node' } });
      expect(response.status).toBe(400);
      expect(response.headers['x-ms-request-id']).toBe('abc');
      expect(response.body).toEqual({ error: 'invalid_grant', echo: 'a=1', header: 'msal.js.node' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('gives up on a silent server with an MSAL network_error', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await createTimeoutNetworkClient(150)
        .sendPostRequestAsync(`http://127.0.0.1:${port}/token`, { body: '' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).errorCode).toBe('network_error');
      expect(needsInteractiveSignIn(error)).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('secretBoxFromSafeStorage', () => {
  it('adapts electron/main’s safeStorage box', async () => {
    const box = secretBoxFromSafeStorage({
      encryptString: async (t) => Buffer.from(t, 'utf8').reverse(),
      decryptString: async (b) => ({ plainText: Buffer.from(b).reverse().toString('utf8'), shouldReEncrypt: false }),
    });
    expect(box.kind).toBe('safeStorage');
    expect(await box.decrypt(await box.encrypt('tokens'))).toBe('tokens');
  });
});
