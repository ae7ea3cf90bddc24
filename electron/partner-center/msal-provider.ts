// The real TokenProvider: Microsoft Entra ID through @azure/msal-node's PublicClientApplication, the
// pattern Microsoft documents for native Partner Center apps (App+User only; partner-center-api.md §1):
//
//   signIn()    authorization code + PKCE in the system browser, redirect to MSAL's own loopback
//               listener on 127.0.0.1 (http://localhost:<port>), prompt=select_account so a shared
//               station always shows the account picker instead of reusing the browser's last session.
//   getToken()  acquireTokenSilent for the signed-in account: the cached access token, or a new one
//               through the refresh token. When only a person can fix it (refresh token revoked or
//               expired, MFA or consent needed) it throws SignInRequiredError; network trouble is
//               rethrown as it is, so an offline station does not ask for a sign-in.
//   signOut()   removes every account from the cache (the file included) and forgets it.
//   signInWithDeviceCode()  the fallback for a machine with no browser (CLI over SSH). Microsoft rates
//               device code as phishing-prone and recommends blocking it by Conditional Access where it
//               is not needed: use it only when signIn() cannot work.
//
// The station is signed in as one Partner Center user at a time: a new sign-in drops any other account.
//
// How a front door builds one:
//   Electron main:  createMsalTokenProvider({ clientId, tenant, cloud, dataDir: app.getPath('userData'),
//                     secretBox: secretBoxFromSafeStorage(createSecretBox())   // or null if refused
//                     openBrowser: (url) => shell.openExternal(url) })
//                   The provider checks every URL against the authority's authorize endpoint before it
//                   calls openBrowser (isAuthorizeUrl), so only MSAL's authorize URL reaches openExternal.
//   Browser host / CLI:  const { box } = await openKeychainSecretBox({ dataDir });
//                   createMsalTokenProvider({ …, dataDir, secretBox: box, openBrowser: systemBrowserOpener() })
//                   and, headless, provider.signInWithDeviceCode((m) => console.log(m.message)).
//   Tests:          authorityOverride + networkClient from test/helpers/fake-authority.ts.
import { randomUUID } from 'node:crypto';
import {
  AuthError,
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type DeviceCodeRequest,
  type INetworkModule,
} from '@azure/msal-node';
import { createTimeoutNetworkClient } from './msal-network';
import type { SecretBox } from './secret-box';
import { createEncryptedCachePlugin, type TokenCacheUnreadableError, type TokenCacheWriteError } from './token-cache';
import { SignInRequiredError, type PartnerAccount, type TokenProvider } from './token-provider';

export type PartnerCloud = 'global' | 'china';

export interface PartnerCloudSettings {
  /** Entra ID (Azure AD) sign-in host for the cloud. */
  readonly authorityHost: string;
  /** Delegated (App+User) scopes for the Partner Center API in that cloud. */
  readonly scopes: readonly string[];
}

export const PARTNER_CLOUDS: Readonly<Record<PartnerCloud, PartnerCloudSettings>> = {
  global: {
    authorityHost: 'https://login.microsoftonline.com',
    scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
  },
  // Partner Center operated by 21Vianet. UNVERIFIED: the scope follows Partner-Center-PowerShell
  // (`{PartnerCenterEndpoint}/user_impersonation` with ChinaPartnerCenterEndpoint); nobody here has
  // signed in against it. Pass `scopes` to override once confirmed.
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    scopes: ['https://partner.partnercenterapi.microsoftonline.cn/user_impersonation'],
  },
};

/** Points MSAL at another authority with everything it would otherwise discover over the internet. */
export interface AuthorityOverride {
  /** https only (MSAL refuses http authorities), e.g. https://login.fake.test/organizations. */
  authority: string;
  /** Hosts trusted without instance discovery, e.g. ['login.fake.test']. */
  knownAuthorities?: string[];
  /** The OpenID configuration document as a JSON string (no fetch of .well-known). */
  authorityMetadata?: string;
  /** The instance discovery answer as a JSON string (no call to login.microsoftonline.com). */
  cloudDiscoveryMetadata?: string;
}

export interface DeviceCodeMessage {
  /** Microsoft's ready-made instruction ("To sign in, use a web browser to open … and enter the code …"). */
  message: string;
  userCode: string;
  verificationUri: string;
  expiresInSeconds: number;
}

export interface MsalTokenProviderOptions {
  /** Application (client) id of the Dockside app registration (public client, redirect http://localhost). */
  clientId: string;
  /** Tenant id or domain; default 'organizations' (any work account). */
  tenant?: string;
  cloud?: PartnerCloud;
  /** Override the cloud's Partner Center scopes. */
  scopes?: readonly string[];
  /** Where partner-center-token-cache.bin lives. Ignored when secretBox is null. */
  dataDir: string;
  /** Encrypts the cache at rest; null keeps the cache in memory only (sign-in needed after a restart). */
  secretBox: SecretBox | null;
  /** Opens the authorize URL in the system browser. Called only with URLs that pass isAuthorizeUrl. */
  openBrowser: (url: string) => Promise<void>;
  authorityOverride?: AuthorityOverride;
  /**
   * MSAL's HTTP client; tests route the fake authority's https host to 127.0.0.1. Default: fetch with
   * a deadline of `requestTimeoutMs` on every request (createTimeoutNetworkClient).
   */
  networkClient?: INetworkModule;
  /** Deadline for each request to the authority (default 30 s). */
  requestTimeoutMs?: number;
  /** Fixed loopback port (when the app registration lists one); MSAL picks a free one otherwise. */
  loopbackPort?: number;
  /** Give up an unfinished browser sign-in after this long (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Page MSAL's loopback listener shows in the browser after the redirect. */
  successTemplate?: string;
  errorTemplate?: string;
  /** MSAL's own messages (never PII) and the cache's problems. */
  log?: (level: 'error' | 'warning' | 'info', message: string) => void;
}

export interface SignInOptions {
  /** Cancels a sign-in that is waiting for the browser. */
  signal?: AbortSignal;
}

export interface MsalTokenProvider extends TokenProvider {
  readonly kind: 'msal';
  /** The authority URL in use (https://login.microsoftonline.com/organizations, …). */
  readonly authority: string;
  readonly scopes: readonly string[];
  /** Where the cache is kept: an encrypted file, or only this process's memory. */
  readonly persistence: 'encrypted-file' | 'memory';
  signIn(options?: SignInOptions): Promise<PartnerAccount>;
  signInWithDeviceCode(onMessage: (message: DeviceCodeMessage) => void, options?: SignInOptions): Promise<PartnerAccount>;
}

/** The sign-in was cancelled, timed out, or the person declined it in the browser. */
export class SignInCancelledError extends Error {
  constructor(message = 'The Partner Center sign-in did not finish.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInCancelledError';
  }
}

const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Dockside</title><p>Dockside is signed in to Partner Center. You can close this tab and go back to the station.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Dockside</title><p>The Partner Center sign-in did not complete. Close this tab and try again from the station.</p>';

/** Server and client error codes that only a person signing in again can clear. */
const SIGN_IN_CODES = new Set([
  'invalid_grant', // refresh token revoked/expired/password changed (AADSTS50173, 700082, 50078, …)
  'interaction_required',
  'login_required',
  'consent_required',
  'bad_token',
  'no_tokens_found',
  'refresh_token_expired',
  'native_account_unavailable',
  'no_account_in_silent_request',
]);

export function needsInteractiveSignIn(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  if (error instanceof AuthError) return SIGN_IN_CODES.has(error.errorCode) || SIGN_IN_CODES.has(error.subError);
  return false;
}

function signInRequired(cause: unknown): SignInRequiredError {
  const error = new SignInRequiredError();
  error.cause = cause;
  return error;
}

/** Tenant ids are GUIDs, verified domains, or 'organizations' / 'common'. */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$/;

export function resolveAuthority(options: Pick<MsalTokenProviderOptions, 'tenant' | 'cloud' | 'authorityOverride'>): string {
  if (options.authorityOverride) return options.authorityOverride.authority;
  const tenant = options.tenant ?? 'organizations';
  if (!TENANT.test(tenant)) throw new Error(`Not a tenant id or domain: ${JSON.stringify(tenant)}`);
  return `${PARTNER_CLOUDS[options.cloud ?? 'global'].authorityHost}/${tenant}`;
}

/**
 * True when `url` is an authorization request to `authority`'s own host (https, /oauth2/v2.0/authorize).
 * The only URLs a front door should ever open on MSAL's behalf.
 */
export function isAuthorizeUrl(url: string, authority: string): boolean {
  let target: URL;
  let expected: URL;
  try {
    target = new URL(url);
    expected = new URL(authority);
  } catch {
    return false;
  }
  return (
    target.protocol === 'https:' &&
    target.origin === expected.origin &&
    target.username === '' &&
    target.password === '' &&
    target.pathname.endsWith('/oauth2/v2.0/authorize')
  );
}

function toPartnerAccount(account: AccountInfo): PartnerAccount {
  return { username: account.username, tenantId: account.tenantId || null };
}

export function createMsalTokenProvider(options: MsalTokenProviderOptions): MsalTokenProvider {
  const authority = resolveAuthority(options);
  const scopes = [...(options.scopes ?? PARTNER_CLOUDS[options.cloud ?? 'global'].scopes)];
  const log = options.log ?? (() => {});
  const reportCache = (e: TokenCacheUnreadableError | TokenCacheWriteError) =>
    log('warning', `${e.message} (${e.cause instanceof Error ? e.cause.message : String(e.cause)})`);
  const cachePlugin = options.secretBox
    ? createEncryptedCachePlugin({ dataDir: options.dataDir, secretBox: options.secretBox, onError: reportCache })
    : undefined;

  const override = options.authorityOverride;
  const configuration: Configuration = {
    auth: {
      clientId: options.clientId,
      authority,
      ...(override?.knownAuthorities ? { knownAuthorities: override.knownAuthorities } : {}),
      ...(override?.authorityMetadata ? { authorityMetadata: override.authorityMetadata } : {}),
      ...(override?.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: override.cloudDiscoveryMetadata } : {}),
    },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    system: {
      networkClient: options.networkClient ?? createTimeoutNetworkClient(options.requestTimeoutMs),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          log(level === LogLevel.Error ? 'error' : level === LogLevel.Warning ? 'warning' : 'info', message);
        },
      },
    },
  };
  const pca = new PublicClientApplication(configuration);

  let currentHomeId: string | null = null;
  let signingIn: Promise<PartnerAccount> | null = null;

  // MSAL's cache operations are not safe to interleave (a silent call clears the in-memory cache and
  // rebuilds it; a lookup running in between finds nothing). Everything this provider does with the
  // cache runs one at a time; the browser wait of signIn() does not hold it.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  }

  async function currentAccount(): Promise<AccountInfo | null> {
    // msal-node's deserialize() merges into memory, so an account removed by another front door on the
    // same data dir would linger here: drop the in-memory copy and let the plugin load the file again.
    if (cachePlugin) await cachePlugin.runExclusive(() => pca.clearCache());
    const accounts = await pca.getAllAccounts();
    const remembered = accounts.find((a) => a.homeAccountId === currentHomeId);
    // Another front door on the same data dir may have signed in (or out) since: follow the cache.
    const account = remembered ?? accounts[0] ?? null;
    currentHomeId = account?.homeAccountId ?? null;
    return account;
  }

  function adopt(result: AuthenticationResult | null): Promise<PartnerAccount> {
    return exclusive(async () => {
      const account = result?.account;
      if (!account) throw new SignInCancelledError('The sign-in returned no account.');
      // One Partner Center user per station: drop anyone signed in before.
      for (const other of await pca.getAllAccounts()) {
        if (other.homeAccountId !== account.homeAccountId) await pca.signOut({ account: other });
      }
      currentHomeId = account.homeAccountId;
      return toPartnerAccount(account);
    });
  }

  async function interactive(signInOptions: SignInOptions): Promise<PartnerAccount> {
    signInOptions.signal?.throwIfAborted();
    // Where MSAL's loopback listener waits, so an abandoned sign-in can be ended (see cancel()).
    let pending: { redirectUri: string; state: string } | null = null;
    let cancelled: Error | null = null;
    let settled = false;

    // MSAL has no cancel for acquireTokenInteractive and its listener would wait forever. Answer it the
    // way the authority does when a person declines: a form_post with error=access_denied and the
    // request's own state. The listener then rejects and closes its port.
    const answerListener = async (reason: Error) => {
      if (!pending) return;
      const target = URL.canParse(pending.redirectUri) ? new URL(pending.redirectUri) : null;
      if (!target || target.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(target.hostname)) return; // only MSAL's own listener
      if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
      const body = new URLSearchParams({ error: 'access_denied', error_description: reason.message, state: pending.state });
      await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).catch(() => {});
    };
    const cancel = async (reason: Error) => {
      if (settled || cancelled) return;
      cancelled = reason;
      await answerListener(reason); // if the listener is not up yet, openBrowser below does it
    };

    const timeoutMs = options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    const timer = setTimeout(() => void cancel(new SignInCancelledError('The Partner Center sign-in timed out.')), timeoutMs);
    const onAbort = () => void cancel(new SignInCancelledError('The Partner Center sign-in was cancelled.'));
    signInOptions.signal?.addEventListener('abort', onAbort, { once: true });

    try {
      const result = await pca.acquireTokenInteractive({
        scopes,
        prompt: 'select_account',
        // Bound into the id_token by the authority and checked by MSAL.
        nonce: randomUUID(),
        ...(options.loopbackPort ? { preferredPort: options.loopbackPort } : {}),
        successTemplate: options.successTemplate ?? SUCCESS_PAGE,
        errorTemplate: options.errorTemplate ?? ERROR_PAGE,
        openBrowser: async (url) => {
          if (!isAuthorizeUrl(url, authority)) {
            throw new Error('Refusing to open a sign-in URL that is not the authority’s authorize endpoint.');
          }
          const query = new URL(url).searchParams;
          pending = { redirectUri: query.get('redirect_uri') ?? '', state: query.get('state') ?? '' };
          if (cancelled) {
            await answerListener(cancelled);
            return;
          }
          await options.openBrowser(url);
        },
      });
      settled = true;
      return await adopt(result);
    } catch (e) {
      if (cancelled) throw cancelled;
      if (e instanceof AuthError && (e.errorCode === 'access_denied' || e.errorCode === 'user_cancelled')) {
        throw new SignInCancelledError('The sign-in was declined in the browser.', { cause: e });
      }
      throw e;
    } finally {
      settled = true;
      clearTimeout(timer);
      signInOptions.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    kind: 'msal',
    authority,
    scopes,
    persistence: cachePlugin ? 'encrypted-file' : 'memory',

    getToken(tokenOptions) {
      return exclusive(async () => {
        const account = await currentAccount();
        if (!account) throw new SignInRequiredError();
        try {
          const result = await pca.acquireTokenSilent({ account, scopes, forceRefresh: tokenOptions?.forceRefresh ?? false });
          if (!result.accessToken) throw new SignInRequiredError();
          return result.accessToken;
        } catch (e) {
          if (e instanceof SignInRequiredError) throw e;
          if (needsInteractiveSignIn(e)) throw signInRequired(e);
          throw e;
        }
      });
    },

    account() {
      return exclusive(async () => {
        const account = await currentAccount();
        return account ? toPartnerAccount(account) : null;
      });
    },

    signIn(signInOptions = {}) {
      // A second click while the browser is open joins the sign-in already under way.
      signingIn ??= interactive(signInOptions).finally(() => {
        signingIn = null;
      });
      return signingIn;
    },

    async signInWithDeviceCode(onMessage, signInOptions = {}) {
      signInOptions.signal?.throwIfAborted();
      const request: DeviceCodeRequest = {
        scopes,
        deviceCodeCallback: (response) =>
          onMessage({
            message: response.message,
            userCode: response.userCode,
            verificationUri: response.verificationUri,
            expiresInSeconds: response.expiresIn,
          }),
      };
      // MSAL polls until the code expires; setting `cancel` stops it at the next poll.
      const onAbort = () => {
        request.cancel = true;
      };
      signInOptions.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await adopt(await pca.acquireTokenByDeviceCode(request));
      } catch (e) {
        if (signInOptions.signal?.aborted) throw new SignInCancelledError('The Partner Center sign-in was cancelled.', { cause: e });
        throw e;
      } finally {
        signInOptions.signal?.removeEventListener('abort', onAbort);
      }
    },

    signOut() {
      return exclusive(async () => {
        for (const account of await pca.getAllAccounts()) await pca.signOut({ account });
        currentHomeId = null;
      });
    },
  };
}
