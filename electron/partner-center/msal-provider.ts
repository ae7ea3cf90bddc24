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
import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import { PARTNER_CLOUDS, resolveAuthority } from './msal-authority';
import { browserSignIn } from './msal-browser-sign-in';
import { createTimeoutNetworkClient } from './msal-network';
import { needsInteractiveSignIn, SignInCancelledError, signInRequired } from './msal-sign-in-errors';
import type { MsalTokenProvider, MsalTokenProviderOptions } from './msal-types';
import { createEncryptedCachePlugin, type TokenCacheUnreadableError, type TokenCacheWriteError } from './token-cache';
import { SignInRequiredError, type PartnerAccount } from './token-provider';

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
      signingIn ??= browserSignIn(pca, { authority, scopes, options, adopt }, signInOptions).finally(() => {
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
