// A stand-in for Microsoft Entra ID (login.microsoftonline.com) on 127.0.0.1, for driving the REAL
// @azure/msal-node without the internet. It speaks the v2.0 endpoints MSAL uses:
//   GET  /{tenant}/v2.0/.well-known/openid-configuration      OpenID metadata
//   GET  /common/discovery/instance                            instance discovery (if MSAL asks)
//   GET  /{tenant}/oauth2/v2.0/authorize                       PKCE (S256) + form_post (or query) answer
//   POST /{tenant}/oauth2/v2.0/token                           authorization_code (verifier checked),
//                                                              refresh_token, device_code grants
//   POST /{tenant}/oauth2/v2.0/devicecode                      device authorization
// Tokens are unsigned but well-formed JWTs (random signature bytes) with the claims MSAL reads: the
// id_token carries iss/aud/exp/nonce/oid/tid/preferred_username, and client_info carries uid/utid.
//
// MSAL refuses http authorities (ClientConfigurationError authority_uri_insecure; msal-js issue #6631),
// so MSAL is told the authority is https://login.fake.test/<tenant> (knownAuthorities + metadata strings,
// so no discovery goes out), and `networkClient` — MSAL's documented `system.networkClient` hook, an
// INetworkModule — carries each request for that host to this server over plain HTTP on 127.0.0.1. Any
// other host is refused and logged, so a test can assert MSAL never tried to reach the internet.
// `browser()` plays the person in the system browser: it loads the authorize URL, picks the account,
// and posts the form_post answer to MSAL's loopback listener.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { AuthorityOverride } from '../../electron/partner-center/msal-types';

export interface FakeUser {
  oid: string;
  tid: string;
  username: string;
  name: string;
}

export const ALICE: FakeUser = { oid: '0b6e5c7e-1111-4a5b-9c1d-aaaaaaaaaaaa', tid: '7d1f0a2b-2222-4c3d-8e4f-bbbbbbbbbbbb', username: 'alice.lead@contoso-partner.example', name: 'Alice Lead' };
export const BOB: FakeUser = { oid: '5a4b3c2d-3333-4e5f-8a9b-cccccccccccc', tid: '7d1f0a2b-2222-4c3d-8e4f-bbbbbbbbbbbb', username: 'bob.shift@contoso-partner.example', name: 'Bob Shift' };

export interface AuthorizeRecord {
  tenant: string;
  params: URLSearchParams;
  /** Who ended up signed in for this request. */
  user: FakeUser | null;
  /** Why the request was refused, when it was. */
  error: string | null;
}

export interface TokenRecord {
  tenant: string;
  grantType: string;
  params: URLSearchParams;
  status: number;
  error: string | null;
}

export interface FakeAuthorityOptions {
  host?: string;
  clientId?: string;
  user?: FakeUser;
  accessTokenLifetimeSeconds?: number;
}

export type BrowserAction = 'consent' | 'decline' | 'abandon';

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  scopes: string[];
  user: FakeUser;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  user: FakeUser;
  scopes: string[];
  revoked: boolean;
}

interface DeviceGrant {
  clientId: string;
  userCode: string;
  scopes: string[];
  approvedBy: FakeUser | null;
  expiresAt: number;
  redeemed: boolean;
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');
const jwt = (claims: Record<string, unknown>): string =>
  [b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: 'fake-authority-key' })), b64url(JSON.stringify(claims)), b64url(randomBytes(64))].join('.');
const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export class FakeAuthority {
  readonly host: string;
  readonly clientId: string | null;
  /** Who the person at the browser picks in the account picker. */
  user: FakeUser;
  accessTokenLifetimeSeconds: number;
  /** How a revoked refresh token is reported: Entra's usual invalid_grant, or with suberror bad_token. */
  revokedStyle: 'invalid_grant' | 'bad_token' = 'invalid_grant';

  readonly authorizeRequests: AuthorizeRecord[] = [];
  readonly tokenRequests: TokenRecord[] = [];
  /** Every URL MSAL asked the network client for, fake host or not. */
  readonly networkLog: string[] = [];
  readonly issued = { accessTokens: [] as string[], refreshTokens: [] as string[], idTokens: [] as string[] };

  /** The browser's own session cookie: reused when the authorize request has no prompt. */
  private browserSession: FakeUser | null = null;
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly deviceCodes = new Map<string, DeviceGrant>();
  private server: Server | null = null;
  private port = 0;

  constructor(options: FakeAuthorityOptions = {}) {
    this.host = options.host ?? 'login.fake.test';
    this.clientId = options.clientId ?? null;
    this.user = options.user ?? ALICE;
    this.accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds ?? 3600;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) this.json(res, 500, { error: 'server_error', error_description: String(e) });
        else res.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Where the server really listens. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The https authority MSAL is configured with. */
  authority(tenant = 'organizations'): string {
    return `https://${this.host}/${tenant}`;
  }

  openIdConfiguration(tenant = 'organizations'): Record<string, unknown> {
    const base = `https://${this.host}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `https://${this.host}/{tenantid}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `https://${this.host}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'fake.test',
    };
  }

  instanceDiscovery(tenant = 'organizations'): Record<string, unknown> {
    return {
      tenant_discovery_endpoint: `https://${this.host}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: this.host, preferred_cache: this.host, aliases: [this.host] }],
    };
  }

  /**
   * MSAL configuration for this authority with nothing left to discover. `discover: true` leaves out
   * the OpenID metadata string so MSAL fetches .well-known itself (through networkClient).
   */
  msalOverride(tenant = 'organizations', options: { discover?: boolean } = {}): AuthorityOverride {
    return {
      authority: this.authority(tenant),
      knownAuthorities: [this.host],
      cloudDiscoveryMetadata: JSON.stringify(this.instanceDiscovery(tenant)),
      ...(options.discover ? {} : { authorityMetadata: JSON.stringify(this.openIdConfiguration(tenant)) }),
    };
  }

  /** MSAL's HTTP client: https://<host>/… goes to this server; anything else is refused. */
  readonly networkClient: INetworkModule = {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => this.forward<T>('GET', url, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => this.forward<T>('POST', url, options),
  };

  /** Maps a URL on the fake https host to the real http listener (what a hosts file + TLS would do). */
  route(url: string): URL {
    const target = new URL(url);
    if (target.protocol !== 'https:' || target.host !== this.host) throw new Error(`fake authority: ${target.origin} is not ${this.host}; tests have no internet`);
    return new URL(`${target.pathname}${target.search}`, this.origin);
  }

  private async forward<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    this.networkLog.push(url);
    const response = await fetch(this.route(url), { method, headers: options?.headers, body: method === 'POST' ? options?.body : undefined });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const text = await response.text();
    return { status: response.status, headers, body: (text ? JSON.parse(text) : {}) as T };
  }

  /**
   * The person at the system browser. 'consent' picks `this.user` (or keeps the browser session when
   * no prompt was asked for) and posts the answer to MSAL's loopback listener; 'decline' posts
   * error=access_denied; 'abandon' loads the page and walks away (the tab is closed).
   */
  browser(action: BrowserAction = 'consent'): (url: string) => Promise<void> {
    return async (url) => {
      const page = await fetch(this.route(url), { redirect: 'manual', headers: { 'x-fake-browser-action': action } });
      if (action === 'abandon') {
        await page.text();
        return;
      }
      let target: URL;
      let init: RequestInit;
      if (page.status === 200) {
        const html = await page.text();
        const actionUrl = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (!actionUrl) throw new Error(`fake browser: the authorize page is not a form_post: ${html.slice(0, 200)}`);
        const fields = new URLSearchParams();
        for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.append(m[1] ?? '', decodeHtml(m[2] ?? ''));
        target = new URL(decodeHtml(actionUrl));
        init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields };
      } else if (page.status === 302) {
        target = new URL(page.headers.get('location') ?? '');
        init = { method: 'GET' };
      } else {
        throw new Error(`fake browser: the authorize page answered ${page.status}: ${await page.text()}`);
      }
      // MSAL's listener binds 127.0.0.1 and names itself http://localhost:<port>.
      if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
      const landing = await fetch(target, { ...init, redirect: 'manual' });
      await landing.text();
    };
  }

  /** Invalidates every refresh token issued so far (password reset, admin revocation, sign-out everywhere). */
  revokeRefreshTokens(style: 'invalid_grant' | 'bad_token' = this.revokedStyle): void {
    this.revokedStyle = style;
    for (const grant of this.refreshTokens.values()) grant.revoked = true;
  }

  /** Completes a device-code sign-in as `user` (the person typed the code on another device). */
  approveDeviceCode(userCode: string, user: FakeUser = this.user): void {
    for (const grant of this.deviceCodes.values()) if (grant.userCode === userCode) grant.approvedBy = user;
  }

  tokenRequestsOf(grantType: string): TokenRecord[] {
    return this.tokenRequests.filter((r) => r.grantType === grantType);
  }

  // -------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const parts = url.pathname.split('/').filter(Boolean);
    const tenant = parts[0] ?? '';
    const rest = parts.slice(1).join('/');
    if (req.method === 'GET' && url.pathname === '/common/discovery/instance') return this.json(res, 200, this.instanceDiscovery());
    if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') return this.json(res, 200, this.openIdConfiguration(tenant));
    if (req.method === 'GET' && rest === 'oauth2/v2.0/authorize') return this.authorize(tenant, url.searchParams, String(req.headers['x-fake-browser-action'] ?? 'consent'), res);
    if (req.method === 'POST' && rest === 'oauth2/v2.0/token') return this.token(tenant, new URLSearchParams(await readBody(req)), res);
    if (req.method === 'POST' && rest === 'oauth2/v2.0/devicecode') return this.deviceCode(new URLSearchParams(await readBody(req)), res);
    this.json(res, 404, { error: 'not_found', error_description: `${req.method} ${url.pathname}` });
  }

  private authorize(tenant: string, params: URLSearchParams, action: string, res: ServerResponse): void {
    const record: AuthorizeRecord = { tenant, params, user: null, error: null };
    this.authorizeRequests.push(record);
    const refuse = (why: string) => {
      // Entra shows an error page (no redirect) when the client or redirect URI is wrong.
      record.error = why;
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(why);
    };
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    const state = params.get('state');
    const challenge = params.get('code_challenge') ?? '';
    if (!clientId || (this.clientId && clientId !== this.clientId)) return refuse('AADSTS700016: unknown client_id');
    let redirect: URL;
    try {
      redirect = new URL(redirectUri);
    } catch {
      return refuse('AADSTS50011: redirect_uri missing or malformed');
    }
    if (redirect.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(redirect.hostname)) return refuse('AADSTS50011: redirect_uri is not a loopback address');
    if (params.get('response_type') !== 'code') return refuse('AADSTS900144: response_type must be code');
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return refuse('AADSTS501491: PKCE S256 code_challenge required');
    if (!state) return refuse('fake: state required');
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    if (!scopes.includes('openid')) return refuse('AADSTS900144: scope must include openid');

    const answer: Record<string, string> = {};
    if (action === 'decline') {
      answer.error = 'access_denied';
      answer.error_description = 'AADSTS65004: User declined to consent to access the app.';
    } else {
      const prompt = params.get('prompt');
      const picked = prompt === 'select_account' || prompt === 'login' || !this.browserSession ? this.user : this.browserSession;
      this.browserSession = picked;
      record.user = picked;
      const code = `fake-code.${b64url(randomBytes(32))}`;
      this.codes.set(code, { clientId, redirectUri, challenge, nonce: params.get('nonce'), scopes, user: picked, expiresAt: Date.now() + 600_000 });
      answer.code = code;
      answer.client_info = this.clientInfo(picked);
      answer.session_state = randomUUID();
    }
    answer.state = state;

    if (params.get('response_mode') === 'form_post') {
      const inputs = Object.entries(answer)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${encodeHtml(value)}" />`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${encodeHtml(redirectUri)}">${inputs}<noscript><input type="submit" value="Continue" /></noscript></form><script>document.forms[0].submit()</script></body></html>`);
      return;
    }
    const location = new URL(redirectUri);
    for (const [name, value] of Object.entries(answer)) location.searchParams.set(name, value);
    res.writeHead(302, { location: location.toString() });
    res.end();
  }

  private token(tenant: string, params: URLSearchParams, res: ServerResponse): void {
    const grantType = params.get('grant_type') ?? '';
    const record: TokenRecord = { tenant, grantType, params, status: 200, error: null };
    this.tokenRequests.push(record);
    const fail = (status: number, error: string, description: string, extra: Record<string, string> = {}) => {
      record.status = status;
      record.error = error;
      this.json(res, status, { error, error_description: `${description}\r\nTrace ID: ${randomUUID()}`, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString(), ...extra });
    };
    const clientId = params.get('client_id') ?? '';
    if (!clientId || (this.clientId && clientId !== this.clientId)) return fail(400, 'unauthorized_client', 'AADSTS700016: unknown client_id');
    if (params.has('client_secret')) return fail(401, 'invalid_client', 'AADSTS700025: public clients must not send a secret');

    if (grantType === 'authorization_code') {
      const code = params.get('code') ?? '';
      const grant = this.codes.get(code);
      this.codes.delete(code); // single use, whatever happens next
      if (!grant || grant.expiresAt < Date.now()) return fail(400, 'invalid_grant', 'AADSTS70008: The provided authorization code is expired or was already redeemed.');
      if (grant.clientId !== clientId) return fail(400, 'invalid_grant', 'AADSTS70002: code was issued to another client');
      if (grant.redirectUri !== params.get('redirect_uri')) return fail(400, 'invalid_grant', 'AADSTS50148: redirect_uri does not match the authorize request');
      const verifier = params.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== grant.challenge) return fail(400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      return this.json(res, 200, this.issue(clientId, grant.user, grant.scopes, grant.nonce));
    }

    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(params.get('refresh_token') ?? '');
      if (!grant || grant.clientId !== clientId) return fail(400, 'invalid_grant', 'AADSTS9002313: Invalid request. The refresh token is malformed or not valid.');
      if (grant.revoked) {
        return fail(400, 'invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.', this.revokedStyle === 'bad_token' ? { suberror: 'bad_token' } : {});
      }
      const scopes = (params.get('scope') ?? grant.scopes.join(' ')).split(' ').filter(Boolean);
      return this.json(res, 200, this.issue(clientId, grant.user, scopes, null));
    }

    if (grantType === 'urn:ietf:params:oauth:grant-type:device_code' || grantType === 'device_code') {
      const grant = this.deviceCodes.get(params.get('device_code') ?? '');
      if (!grant || grant.clientId !== clientId || grant.redeemed) return fail(400, 'invalid_grant', 'AADSTS70000: device_code not valid');
      if (grant.expiresAt < Date.now()) return fail(400, 'expired_token', 'AADSTS70020: The provided value for the input parameter device_code is expired.');
      if (!grant.approvedBy) return fail(400, 'authorization_pending', 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.');
      grant.redeemed = true;
      return this.json(res, 200, this.issue(clientId, grant.approvedBy, grant.scopes, null));
    }

    fail(400, 'unsupported_grant_type', `AADSTS70003: grant_type ${grantType} is not supported`);
  }

  private deviceCode(params: URLSearchParams, res: ServerResponse): void {
    const clientId = params.get('client_id') ?? '';
    if (!clientId || (this.clientId && clientId !== this.clientId)) return this.json(res, 400, { error: 'unauthorized_client', error_description: 'AADSTS700016: unknown client_id' });
    const deviceCode = `fake-device.${b64url(randomBytes(32))}`;
    const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    this.deviceCodes.set(deviceCode, { clientId, userCode, scopes, approvedBy: null, expiresAt: Date.now() + 900_000, redeemed: false });
    const verificationUri = `https://${this.host}/devicelogin`;
    this.json(res, 200, {
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    });
  }

  private clientInfo(user: FakeUser): string {
    return b64url(JSON.stringify({ uid: user.oid, utid: user.tid }));
  }

  private issue(clientId: string, user: FakeUser, requested: string[], nonce: string | null): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const resourceScopes = requested.filter((s) => !OIDC_SCOPES.has(s));
    const resource = resourceScopes[0]?.replace(/\/[^/]*$/, '') ?? clientId;
    const accessToken = jwt({
      aud: resource,
      iss: `https://sts.fake.test/${user.tid}/`,
      iat: now,
      nbf: now,
      exp: now + this.accessTokenLifetimeSeconds,
      amr: ['pwd', 'mfa'],
      appid: clientId,
      name: user.name,
      oid: user.oid,
      scp: resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' '),
      tid: user.tid,
      upn: user.username,
      uti: b64url(randomBytes(16)),
      ver: '1.0',
    });
    const idToken = jwt({
      aud: clientId,
      iss: `https://${this.host}/${user.tid}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.name,
      oid: user.oid,
      preferred_username: user.username,
      sub: b64url(createHash('sha256').update(`${user.oid}:${clientId}`).digest()),
      tid: user.tid,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    });
    const refreshToken = `0.fake-rt.${b64url(randomBytes(48))}`;
    this.refreshTokens.set(refreshToken, { clientId, user, scopes: requested, revoked: false });
    this.issued.accessTokens.push(accessToken);
    this.issued.idTokens.push(idToken);
    this.issued.refreshTokens.push(refreshToken);
    return {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: this.accessTokenLifetimeSeconds,
      ext_expires_in: this.accessTokenLifetimeSeconds,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: this.clientInfo(user),
    };
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }
}

export async function startFakeAuthority(options: FakeAuthorityOptions = {}): Promise<FakeAuthority> {
  return new FakeAuthority(options).start();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function encodeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
