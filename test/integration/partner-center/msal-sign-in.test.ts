// The real @azure/msal-node against a fake Entra ID on 127.0.0.1: browser sign-in with PKCE and the
// loopback listener, silent renewal, sign-out, revoked refresh tokens, device code, and the token
// cache at rest (encrypted, restorable, never plain text).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesGcmSecretBox } from '../../../electron/partner-center/keychain-secret-box';
import { createMsalTokenProvider } from '../../../electron/partner-center/msal-provider';
import { SignInCancelledError } from '../../../electron/partner-center/msal-sign-in-errors';
import type { MsalTokenProvider, MsalTokenProviderOptions } from '../../../electron/partner-center/msal-types';
import type { SecretBox } from '../../../electron/partner-center/secret-box';
import { tokenCachePath } from '../../../electron/partner-center/token-cache';
import { SignInRequiredError } from '../../../electron/partner-center/token-provider';
import { ALICE, BOB, startFakeAuthority, type FakeAuthority } from '../../helpers/fake-authority';
import { makeTempDir } from '../../helpers/temp-station';

const CLIENT_ID = '3f0c8a4e-9b1d-4c2e-8f7a-5d6e7f8a9b0c';
const PC_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

let fake: FakeAuthority;
let dataDir: string;
let box: SecretBox;
let logs: string[];

function provider(overrides: Partial<MsalTokenProviderOptions> = {}): MsalTokenProvider {
  return createMsalTokenProvider({
    clientId: CLIENT_ID,
    dataDir,
    secretBox: box,
    openBrowser: fake.browser(),
    authorityOverride: fake.msalOverride(),
    networkClient: fake.networkClient,
    log: (level, message) => logs.push(`${level}: ${message}`),
    ...overrides,
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

beforeEach(async () => {
  fake = await startFakeAuthority({ clientId: CLIENT_ID });
  dataDir = makeTempDir('dockside-msal-');
  box = createAesGcmSecretBox(randomBytes(32), 'test-key');
  logs = [];
});

afterEach(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('interactive sign-in (system browser, PKCE, loopback)', () => {
  it('signs in through the authorize page, returns a token and shows the account', async () => {
    const pc = provider();
    expect(await pc.account()).toBeNull();
    await expect(pc.getToken()).rejects.toBeInstanceOf(SignInRequiredError);

    const account = await pc.signIn();
    expect(account).toEqual({ username: ALICE.username, tenantId: ALICE.tid });
    expect(await pc.account()).toEqual(account);

    // What went to the authorize endpoint: PKCE S256, form_post to MSAL's loopback, the picker forced.
    expect(fake.authorizeRequests).toHaveLength(1);
    const authorize = fake.authorizeRequests[0]!;
    expect(authorize.error).toBeNull();
    const q = authorize.params;
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('prompt')).toBe('select_account');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('response_mode')).toBe('form_post');
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(q.get('nonce')).toBeTruthy();
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining([PC_SCOPE, 'openid', 'profile', 'offline_access']));

    // The code was redeemed with the PKCE verifier (the fake checks it against the challenge).
    const redeemed = fake.tokenRequestsOf('authorization_code');
    expect(redeemed).toHaveLength(1);
    expect(redeemed[0]!.status).toBe(200);
    expect(redeemed[0]!.params.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

    // The token handed out is the one the authority issued, from the cache: no second request.
    const token = await pc.getToken();
    expect(token).toBe(fake.issued.accessTokens[0]);
    expect(fake.tokenRequests).toHaveLength(1);

    // MSAL never tried to reach anything but the fake host, and its loopback port is closed again.
    expect(fake.networkLog.every((u) => u.startsWith(`https://${fake.host}/`))).toBe(true);
    expect(await portIsClosed(Number(new URL(q.get('redirect_uri')!).port))).toBe(true);
  });

  it('also works when MSAL fetches the OpenID metadata itself (no authorityMetadata string)', async () => {
    const pc = provider({ authorityOverride: fake.msalOverride('organizations', { discover: true }) });
    await pc.signIn();
    expect(fake.networkLog).toContain(`https://${fake.host}/organizations/v2.0/.well-known/openid-configuration`);
    expect(await pc.getToken()).toBe(fake.issued.accessTokens[0]);
  });

  it('refuses to open anything but the authority’s authorize URL', async () => {
    const opened: string[] = [];
    const pc = provider({
      // An authority whose metadata points the authorize endpoint elsewhere must not reach the browser.
      authorityOverride: {
        ...fake.msalOverride(),
        authorityMetadata: JSON.stringify({ ...fake.openIdConfiguration(), authorization_endpoint: 'https://evil.example/organizations/oauth2/v2.0/authorize' }),
      },
      openBrowser: async (url) => {
        opened.push(url);
      },
    });
    await expect(pc.signIn()).rejects.toThrow(/Refusing to open/);
    expect(opened).toEqual([]);
  });

  it('a person declining in the browser ends the sign-in with SignInCancelledError', async () => {
    const pc = provider({ openBrowser: fake.browser('decline') });
    await expect(pc.signIn()).rejects.toBeInstanceOf(SignInCancelledError);
    expect(await pc.account()).toBeNull();
  });

  it('an abandoned browser tab can be cancelled, and MSAL’s loopback port closes', async () => {
    const controller = new AbortController();
    const pc = provider({
      openBrowser: async (url) => {
        await fake.browser('abandon')(url);
        setTimeout(() => controller.abort(), 50);
      },
    });
    await expect(pc.signIn({ signal: controller.signal })).rejects.toBeInstanceOf(SignInCancelledError);
    const port = Number(new URL(fake.authorizeRequests[0]!.params.get('redirect_uri')!).port);
    expect(await portIsClosed(port)).toBe(true);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it('a sign-in cancelled before the browser opens never opens it', async () => {
    const opened: string[] = [];
    const controller = new AbortController();
    const pc = provider({
      openBrowser: async (url) => {
        opened.push(url);
      },
    });
    const pending = pc.signIn({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(SignInCancelledError);
    expect(opened).toEqual([]);
  });

  it('an abandoned browser tab times out', async () => {
    const pc = provider({ openBrowser: fake.browser('abandon'), signInTimeoutMs: 300 });
    await expect(pc.signIn()).rejects.toThrow(/timed out/);
  });
});

describe('silent renewal', () => {
  it('forceRefresh redeems the refresh token for a new access token', async () => {
    const pc = provider();
    await pc.signIn();
    const first = await pc.getToken();
    const renewed = await pc.getToken({ forceRefresh: true });
    expect(renewed).not.toBe(first);
    const refreshes = fake.tokenRequestsOf('refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.status).toBe(200);
    expect(refreshes[0]!.params.get('refresh_token')).toBe(fake.issued.refreshTokens[0]);
    expect(renewed).toBe(fake.issued.accessTokens[1]);
    // And the renewed token is now the cached one.
    expect(await pc.getToken()).toBe(renewed);
    expect(fake.tokenRequestsOf('refresh_token')).toHaveLength(1);
  });

  it('an access token about to expire is renewed without asking anyone', async () => {
    // MSAL treats a token within 5 minutes of expiry as expired: a 2-minute token is renewed at once.
    fake.accessTokenLifetimeSeconds = 120;
    const pc = provider();
    await pc.signIn();
    fake.accessTokenLifetimeSeconds = 3600;
    const token = await pc.getToken();
    expect(fake.tokenRequestsOf('refresh_token')).toHaveLength(1);
    expect(token).toBe(fake.issued.accessTokens[1]);
    expect(await pc.getToken()).toBe(token);
    expect(fake.tokenRequestsOf('refresh_token')).toHaveLength(1);
  });

  it.each(['invalid_grant', 'bad_token'] as const)('a revoked refresh token (%s) means SignInRequiredError, not a retry loop', async (style) => {
    const pc = provider();
    await pc.signIn();
    fake.revokeRefreshTokens(style);
    const error = await pc.getToken({ forceRefresh: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as Error).cause).toBeDefined();
    // A lead signs in again and the station works again.
    await pc.signIn();
    expect(await pc.getToken({ forceRefresh: true })).toBe(fake.issued.accessTokens.at(-1));
  });

  it('an unreachable authority is a network error, not a sign-in request', async () => {
    const pc = provider();
    await pc.signIn();
    await fake.close();
    const error = await pc.getToken({ forceRefresh: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SignInRequiredError);
  });
});

describe('sign-out on a shared station', () => {
  it('removes the account; the next sign-in shows the picker and takes the person who picks', async () => {
    const pc = provider();
    await pc.signIn();
    await pc.signOut();
    expect(await pc.account()).toBeNull();
    await expect(pc.getToken()).rejects.toBeInstanceOf(SignInRequiredError);

    // The cache on disk no longer holds Alice's refresh token.
    const cache = await box.decrypt(readFileSync(tokenCachePath(dataDir)));
    expect(cache).not.toContain(fake.issued.refreshTokens[0]);
    expect(JSON.parse(cache).Account).toEqual({});

    // The browser still has Alice's session; prompt=select_account lets Bob pick himself instead.
    fake.user = BOB;
    const next = await pc.signIn();
    expect(fake.authorizeRequests.at(-1)!.params.get('prompt')).toBe('select_account');
    expect(next.username).toBe(BOB.username);
    expect((await pc.account())?.username).toBe(BOB.username);
  });

  it('a new sign-in replaces the previous account: one Partner Center user per station', async () => {
    const pc = provider();
    await pc.signIn();
    fake.user = BOB;
    await pc.signIn();
    const cache = JSON.parse(await box.decrypt(readFileSync(tokenCachePath(dataDir)))) as { Account: Record<string, { username: string }> };
    expect(Object.values(cache.Account).map((a) => a.username)).toEqual([BOB.username]);
  });
});

describe('device code (no browser on this machine)', () => {
  it('signs in when the code is entered on another device', async () => {
    const pc = provider({ openBrowser: async () => Promise.reject(new Error('no browser here')) });
    const messages: string[] = [];
    const account = await pc.signInWithDeviceCode((m) => {
      messages.push(m.message);
      expect(m.verificationUri).toBe(`https://${fake.host}/devicelogin`);
      setTimeout(() => fake.approveDeviceCode(m.userCode, BOB), 100);
    });
    expect(account.username).toBe(BOB.username);
    expect(messages[0]).toMatch(/enter the code/);
    expect(fake.tokenRequests.some((r) => r.grantType.endsWith('device_code') && r.status === 200)).toBe(true);
    expect(await pc.getToken()).toBe(fake.issued.accessTokens.at(-1));
  });

  it('can be cancelled while polling', async () => {
    const pc = provider();
    const controller = new AbortController();
    const pending = pc.signInWithDeviceCode(() => setTimeout(() => controller.abort(), 50), { signal: controller.signal });
    await expect(pending).rejects.toBeInstanceOf(SignInCancelledError);
  });
});

describe('the token cache at rest', () => {
  it('is one encrypted file: no token, refresh token or username in plain text anywhere in the data dir', async () => {
    const pc = provider();
    await pc.signIn();
    await pc.getToken({ forceRefresh: true }); // two generations of tokens on disk history
    const path = tokenCachePath(dataDir);
    expect(statSync(path).isFile()).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);

    const secrets = [...fake.issued.accessTokens, ...fake.issued.refreshTokens, ...fake.issued.idTokens, ALICE.username, ALICE.name, ALICE.oid];
    const files = filesUnder(dataDir);
    expect(files).toEqual([path]); // no temp files left behind
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets) {
        for (const encoding of ['utf8', 'utf16le', 'base64'] as const) {
          expect(bytes.includes(Buffer.from(encoding === 'base64' ? Buffer.from(secret).toString('base64') : secret, encoding === 'base64' ? 'utf8' : encoding))).toBe(false);
        }
      }
    }
    // …and it really is the cache: the box opens it and the current refresh token is inside.
    expect(await box.decrypt(readFileSync(path))).toContain(fake.issued.refreshTokens.at(-1));
  });

  it('a second provider on the same data dir and key restores the account and its tokens', async () => {
    const first = provider();
    await first.signIn();
    const token = await first.getToken();

    const second = provider({ openBrowser: async () => Promise.reject(new Error('must not need the browser')) });
    expect(await second.account()).toEqual({ username: ALICE.username, tenantId: ALICE.tid });
    expect(await second.getToken()).toBe(token);
    expect(fake.tokenRequests).toHaveLength(1);
    // Renewal works from the restored refresh token too.
    expect(await second.getToken({ forceRefresh: true })).toBe(fake.issued.accessTokens[1]);

    // Signing out in one front door signs the other out as well.
    await second.signOut();
    expect(await first.account()).toBeNull();
  });

  it('with another key the file cannot be read: no account, a warning, and a new sign-in replaces it', async () => {
    await provider().signIn();
    box = createAesGcmSecretBox(randomBytes(32), 'other-key');
    const other = provider();
    expect(await other.account()).toBeNull();
    expect(logs.some((l) => l.startsWith('warning:') && l.includes('cannot be read'))).toBe(true);
    await other.signIn();
    expect((await box.decrypt(readFileSync(tokenCachePath(dataDir)))).length).toBeGreaterThan(0);
  });

  it('without a SecretBox nothing is written: the sign-in lives in memory only', async () => {
    const pc = provider({ secretBox: null });
    expect(pc.persistence).toBe('memory');
    await pc.signIn();
    expect(await pc.getToken()).toBe(fake.issued.accessTokens[0]);
    expect(filesUnder(dataDir)).toEqual([]);
    const afterRestart = provider({ secretBox: null });
    expect(await afterRestart.account()).toBeNull();
  });
});
