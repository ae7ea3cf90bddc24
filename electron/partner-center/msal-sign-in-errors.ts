// Which MSAL failures only a person signing in again can clear, and the error for a sign-in that did
// not finish (cancelled, timed out, declined).
import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { SignInRequiredError } from './token-provider';

/** The sign-in was cancelled, timed out, or the person declined it in the browser. */
export class SignInCancelledError extends Error {
  constructor(message = 'The Partner Center sign-in did not finish.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInCancelledError';
  }
}

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

export function signInRequired(cause: unknown): SignInRequiredError {
  const error = new SignInRequiredError();
  error.cause = cause;
  return error;
}
