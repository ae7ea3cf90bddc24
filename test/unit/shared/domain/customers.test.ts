import { describe, expect, it } from 'vitest';
import { registrationProblem } from '../../../../shared/domain/customers';

describe('which customers can take a registration', () => {
  it('takes a reseller relationship in any case, and names any other with what to do', () => {
    expect(registrationProblem({ companyName: 'Contoso', relationship: 'reseller' })).toBeNull();
    expect(registrationProblem({ companyName: 'Contoso', relationship: ' Reseller ' })).toBeNull();
    expect(registrationProblem({ companyName: 'Fabrikam', relationship: 'advisor' })).toBe(
      'Fabrikam has an advisor relationship with you, not a reseller one: Partner Center registers devices only for customers you resell to. Send them a reseller relationship request (Upload → Customers), refresh the list once they accept, then choose them.',
    );
    expect(registrationProblem({ companyName: 'Tailspin', relationship: 'none' })).toMatch(/^Tailspin has no reseller relationship with you/);
    expect(registrationProblem({ companyName: 'Tailspin', relationship: '' })).toMatch(/no reseller relationship/);
  });
});
