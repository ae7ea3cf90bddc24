// Why Partner Center refused (403, or 401 with the MFA code) and what to do. A 403 has several causes
// that look the same on the wire: an App-only token where App+User is required, a user without the
// Admin agent (or Sales agent) role, a token without an MFA claim, a customer without a reseller
// relationship, or a refusal for one customer while others work. Each is named only as far as the
// evidence goes; when it cannot be told, the explanation says so and lists what to check, most likely
// first.

/** Partner Center's error code for an App+User call without an MFA claim (enforced since 1 April 2026). */
export const MFA_REQUIRED_CODE = '900421';

export type RefusedOperation = 'create-batch' | 'add-devices' | 'read-devices' | 'delete-device' | 'profile-write' | 'profile-read' | 'customers';

export type RefusalCause = 'mfa' | 'app-only' | 'role' | 'relationship' | 'this-customer' | 'unknown';

export interface RefusalFacts {
  status: number | null;
  code: string | null;
  description: string | null;
  operation: RefusedOperation;
  /** From the token itself; null when it cannot be told (an opaque token). */
  appOnly: boolean | null;
  mfa: boolean | null;
  /** Whether the customer is in the station's customer list (Partner Center's list when last refreshed). */
  customerListed: boolean | null;
  /** Whether calls for other customers succeeded recently. */
  otherCustomersWork: boolean | null;
}

export interface RefusalExplanation {
  cause: RefusalCause;
  /** true when the answer or the token says so; false when it is the likeliest reading only. */
  certain: boolean;
  message: string;
  action: string;
}

const ACTION: Record<Exclude<RefusalCause, 'unknown'>, string> = {
  mfa: 'Sign the station in again with an account that completes multi-factor authentication (MFA) at sign-in; a token without the MFA claim is refused by Partner Center.',
  'app-only': 'Sign the station in as a user (App+User): Partner Center creates device batches only for a signed-in user, not for an app alone.',
  role: 'In Partner Center, give the signed-in user the Admin agent role (Sales agent may add devices, only Admin agent may apply profiles), or sign in with a user who has it.',
  relationship: 'Check Partner Center > Customers: if the customer is missing, send them the reseller relationship request (Settings > Partner Center) and refresh the customer list once they accept.',
  'this-customer': "Other customers work, so the sign-in is fine: check this customer in Partner Center (is the reseller relationship still active, is it in the partner's region?); if it looks right, open a Partner Center support ticket with the request id.",
};

const has = (text: string | null, pattern: RegExp) => text !== null && pattern.test(text);

function explained(cause: Exclude<RefusalCause, 'unknown'>, certain: boolean, what: string): RefusalExplanation {
  return { cause, certain, message: `${certain ? '' : 'Most likely: '}${what}`, action: ACTION[cause] };
}

export function explainRefusal(f: RefusalFacts): RefusalExplanation {
  if (f.code === MFA_REQUIRED_CODE || has(f.description, /\bmfa\b|multi-?factor/i)) {
    return explained('mfa', true, 'Partner Center requires multi-factor authentication: the sign-in token carries no MFA claim.');
  }
  if (has(f.description, /app\s*\+\s*user/i) || (f.appOnly === true && f.operation === 'create-batch')) {
    return explained('app-only', true, 'the station is signed in with an App-only token, and creating a device batch needs App+User (a signed-in user).');
  }
  if (has(f.description, /\b(admin|sales) agent\b|\brole\b/i)) {
    return explained('role', true, 'the signed-in user does not have the Partner Center role this needs (Admin agent).');
  }
  if (has(f.description, /relationship/i) || f.customerListed === false) {
    return explained('relationship', has(f.description, /relationship/i), 'the partner has no (or no longer a) reseller relationship with this customer.');
  }
  if (f.mfa === false) {
    return explained('mfa', false, 'the sign-in token carries no MFA claim (the user did not complete multi-factor authentication).');
  }
  if (f.otherCustomersWork === true) {
    return explained('this-customer', false, 'Partner Center refuses this customer only, while calls for other customers work.');
  }
  if (f.operation === 'profile-write') {
    return explained('role', false, 'only users with the Admin agent role may create or assign Autopilot profiles, and the signed-in user may not have it.');
  }
  return {
    cause: 'unknown',
    certain: false,
    message: 'Partner Center refused (403) without saying why, and the station cannot tell the cause from the answer.',
    action: 'Check, in this order: the signed-in user has the Admin agent role in Partner Center; the sign-in used MFA; the customer is still listed under Partner Center > Customers. If all hold, open a Partner Center support ticket with the request id.',
  };
}

/** One text for a person: what, what to do. */
export function refusalText(e: RefusalExplanation): string {
  return `Partner Center refused: ${e.message} ${e.action}`;
}
