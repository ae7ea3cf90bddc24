// How the Partner Center client gets a bearer token. Two implementations: MSAL (real tenants, system
// browser sign-in, silent renewal) and a static token (the emulator, scripts). The core only sees this.
export interface PartnerAccount {
  /** The Partner Center user, as shown in the status bar. */
  readonly username: string;
  readonly tenantId: string | null;
}

export interface TokenProvider {
  readonly kind: 'msal' | 'static';
  /** A bearer token; forceRefresh skips any cache (the client asks once after a 401). */
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Who is signed in, or null when a sign-in is needed. */
  account(): Promise<PartnerAccount | null>;
  /** Interactive sign-in (system browser for MSAL); a no-op for a static token. */
  signIn(): Promise<PartnerAccount>;
  /** Forget the account so the next sign-in shows the account picker. */
  signOut(): Promise<void>;
}

/** No silent renewal is possible: a lead must sign the station in again. */
export class SignInRequiredError extends Error {
  constructor(message = 'Partner Center sign-in is needed: a shift lead must sign the station in again.') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}

export function staticTokenProvider(token: string, username = 'practice@emulator.local'): TokenProvider {
  return {
    kind: 'static',
    getToken: async () => token,
    account: async () => ({ username, tenantId: null }),
    signIn: async () => ({ username, tenantId: null }),
    signOut: async () => {},
  };
}
