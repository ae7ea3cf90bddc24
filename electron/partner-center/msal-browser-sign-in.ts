// The interactive sign-in: authorization code + PKCE in the system browser, redirected to MSAL's own
// loopback listener, with the cancel and timeout MSAL lacks.
import { randomUUID } from 'node:crypto';
import { AuthError, type AuthenticationResult, type PublicClientApplication } from '@azure/msal-node';
import { isAuthorizeUrl } from './msal-authority';
import { SignInCancelledError } from './msal-sign-in-errors';
import type { MsalTokenProviderOptions, SignInOptions } from './msal-types';
import type { PartnerAccount } from './token-provider';

const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Dockside</title><p>Dockside is signed in to Partner Center. You can close this tab and go back to the station.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Dockside</title><p>The Partner Center sign-in did not complete. Close this tab and try again from the station.</p>';

export interface BrowserSignInSetup {
  readonly authority: string;
  readonly scopes: readonly string[];
  readonly options: Pick<MsalTokenProviderOptions, 'openBrowser' | 'loopbackPort' | 'signInTimeoutMs' | 'successTemplate' | 'errorTemplate'>;
  /** Makes the result the station's one signed-in account. */
  readonly adopt: (result: AuthenticationResult | null) => Promise<PartnerAccount>;
}

export async function browserSignIn(pca: PublicClientApplication, { authority, scopes, options, adopt }: BrowserSignInSetup, signInOptions: SignInOptions): Promise<PartnerAccount> {
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
      scopes: [...scopes],
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
