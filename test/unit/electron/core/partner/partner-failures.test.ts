// A Partner Center failure keeps the caller's follow-up in both words: the English message the CLI
// prints, and a key beside the failure's own (say.then) that the screens say in the operator's language.
import { describe, expect, it } from 'vitest';
import { followUp } from '../../../../../shared/contract';
import { remoteFailure } from '../../../../../electron/core/partner/partner-failures';
import type { PartnerCenterError } from '../../../../../electron/partner-center/errors';

const base: PartnerCenterError = { kind: 'network', message: 'connect ECONNREFUSED', method: 'GET', path: '/v1/customers', status: null, code: null, description: null, requestId: 'req-1', correlationId: 'cor-1', retryAfterMs: null, attempts: 3 };

function refused(result: ReturnType<typeof remoteFailure>) {
  if (result.ok) throw new Error('not a failure');
  return result.error;
}

describe('remoteFailure', () => {
  it('keeps the English follow-up in the message and names its key beside the failure’s', () => {
    const error = refused(remoteFailure(base, followUp('partner.then.assignedBefore', { count: 3 }, 'The profile was assigned to 3 devices before this failure; try again to finish.')));
    expect(error.message).toBe('Partner Center could not be reached (the station may be offline, or the service is not answering). The profile was assigned to 3 devices before this failure; try again to finish.');
    expect(error.say).toEqual({ key: 'partner.unreachable', then: { key: 'partner.then.assignedBefore', params: { count: 3 } } });
  });
});
