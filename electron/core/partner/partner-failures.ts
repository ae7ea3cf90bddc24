// Partner Center answers as station errors: not set up, or a remote failure with what happened, what
// to do, and the ids for a support ticket. Shared by every service that calls Partner Center.
import { failSaying, withFollowUp, type ErrorKey, type FollowUp, type Result } from '../../../shared/contract';
import { supportLine, type PartnerCenterError } from '../../partner-center/errors';
import { explainRefusal, MFA_REQUIRED_CODE, refusalText, type RefusalCause, type RefusalExplanation } from '../../../shared/domain/refusals';

export const NOT_CONFIGURED = 'Partner Center is not set up on this station: start it with a Partner Center address and sign-in (or the emulator in practice mode).';

export function notConfigured<T>(): Result<T> {
  return failSaying('SETUP_REQUIRED', 'partner.notConfigured', {}, NOT_CONFIGURED);
}

// A 403 said by its cause; the caller's consequence follows it, keyed (say.then) as in the English message.
const REFUSED_KEYS = {
  mfa: 'partner.refused.mfa',
  'app-only': 'partner.refused.appOnly',
  role: 'partner.refused.role',
  relationship: 'partner.refused.relationship',
  'this-customer': 'partner.refused.thisCustomer',
  unknown: 'partner.refused.unknown',
} as const satisfies Record<RefusalCause, ErrorKey>;

/** A Partner Center failure as a station error: what happened, what to do, and the ids for a support ticket. */
export function remoteFailure<T>(error: PartnerCenterError, consequence: FollowUp, refusal?: RefusalExplanation): Result<T> {
  return withFollowUp(failure<T>(error, consequence.english, refusal), consequence);
}

function failure<T>(error: PartnerCenterError, consequence: string, refusal: RefusalExplanation | undefined): Result<T> {
  const details = {
    kind: error.kind,
    status: error.status,
    serviceCode: error.code,
    serviceDescription: error.description,
    requestId: error.requestId,
    correlationId: error.correlationId,
    retryAfterMs: error.retryAfterMs,
    support: supportLine(error),
  };
  const then = ` ${consequence}`;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return failSaying('OFFLINE', 'partner.unreachable', {}, `Partner Center could not be reached (the station may be offline, or the service is not answering).${then}`, details);
    case 'auth':
      if (error.code === MFA_REQUIRED_CODE) {
        return failSaying('REMOTE_ERROR', 'partner.mfaNeeded', {}, `Partner Center sign-in with MFA is needed: the token has no multi-factor authentication claim. A shift lead must sign the station in again and complete MFA.${then}`, { ...details, cause: 'mfa' });
      }
      return failSaying('REMOTE_ERROR', 'partner.signInNeeded', {}, `Partner Center sign-in is needed: a shift lead must sign the station in again.${then}`, details);
    case 'forbidden': {
      // Without the caller's facts, the answer's own words are all there is to go on.
      const why = refusal ?? explainRefusal({ status: error.status, code: error.code, description: error.description, operation: 'read-devices', appOnly: null, mfa: null, customerListed: null, otherCustomersWork: null });
      return failSaying('REMOTE_ERROR', REFUSED_KEYS[why.cause], { requestId: error.requestId ?? '' }, `${refusalText(why)}${then} (MS-RequestId ${error.requestId})`, { ...details, cause: why.cause, certain: why.certain });
    }
    case 'throttled': {
      const wait = error.retryAfterMs === null ? '' : ` Try again in ${Math.ceil(error.retryAfterMs / 1000)} seconds.`;
      return error.retryAfterMs === null
        ? failSaying('REMOTE_ERROR', 'partner.throttledNoWait', {}, `Partner Center is limiting how fast this partner may call it.${wait}${then}`, details)
        : failSaying('REMOTE_ERROR', 'partner.throttled', { count: Math.ceil(error.retryAfterMs / 1000) }, `Partner Center is limiting how fast this partner may call it.${wait}${then}`, details);
    }
    default:
      return failSaying('REMOTE_ERROR', 'partner.failed', { requestId: error.requestId ?? '', detail: error.message }, `${error.message}${then} (MS-RequestId ${error.requestId})`, details);
  }
}
