// The shapes of MSAL sign-in as the station sees it: which cloud, the provider's options and what it
// offers beyond a TokenProvider. Types only, so clouds.ts and the front doors depend on them without
// loading MSAL.
import type { INetworkModule } from '@azure/msal-node';
import type { SecretBox } from './secret-box';
import type { PartnerAccount, TokenProvider } from './token-provider';

export type PartnerCloud = 'global' | 'china';

export interface PartnerCloudSettings {
  /** Entra ID (Azure AD) sign-in host for the cloud. */
  readonly authorityHost: string;
  /** Delegated (App+User) scopes for the Partner Center API in that cloud. */
  readonly scopes: readonly string[];
}

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
