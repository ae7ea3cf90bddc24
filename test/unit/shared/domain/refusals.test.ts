import { describe, expect, it } from 'vitest';
import { explainRefusal, type RefusalFacts } from '../../../../shared/domain/refusals';

const base: RefusalFacts = { status: 403, code: '403', description: null, operation: 'add-devices', appOnly: null, mfa: null, customerListed: null, otherCustomersWork: null };
const explain = (f: Partial<RefusalFacts>) => explainRefusal({ ...base, ...f });

describe('why Partner Center refused', () => {
  it('names MFA for the documented 401 code 900421, whatever else is known', () => {
    expect(explain({ status: 401, code: '900421', customerListed: false })).toMatchObject({ cause: 'mfa', certain: true, action: expect.stringMatching(/multi-factor/) });
  });

  it('names an App-only token on batch creation from the token, and from the answer', () => {
    expect(explain({ operation: 'create-batch', appOnly: true })).toMatchObject({ cause: 'app-only', certain: true });
    expect(explain({ description: 'This operation requires App+User authentication.' })).toMatchObject({ cause: 'app-only', certain: true });
  });

  it('does not blame an App-only token for a call App-only may make', () => {
    expect(explain({ operation: 'add-devices', appOnly: true }).cause).not.toBe('app-only');
  });

  it('names the missing agent role when the answer says so', () => {
    expect(explain({ description: 'The user does not have the Admin agent or Sales agent role required for this operation.' })).toMatchObject({ cause: 'role', certain: true });
  });

  it('names the relationship when the answer says so (certain) or the customer is not listed (likely)', () => {
    expect(explain({ description: 'The partner has no relationship with tenant x.' })).toMatchObject({ cause: 'relationship', certain: true });
    expect(explain({ customerListed: false })).toMatchObject({ cause: 'relationship', certain: false, message: expect.stringMatching(/^Most likely/) });
  });

  it('reads a token without MFA as the likely cause of a bare 403', () => {
    expect(explain({ mfa: false, customerListed: true })).toMatchObject({ cause: 'mfa', certain: false });
  });

  it('names "this customer only" when others work and nothing else explains it', () => {
    expect(explain({ customerListed: true, mfa: true, appOnly: false, otherCustomersWork: true, description: 'Access is denied.' })).toMatchObject({ cause: 'this-customer', certain: false, action: expect.stringMatching(/support ticket/) });
  });

  it('says plainly when it cannot be told, and lists what to check', () => {
    const e = explain({ customerListed: true, mfa: true, appOnly: false, description: 'Access is denied.' });
    expect(e).toMatchObject({ cause: 'unknown', certain: false, message: expect.stringMatching(/cannot tell/) });
    expect(e.action).toMatch(/Admin agent.*MFA.*Customers/);
  });
});
