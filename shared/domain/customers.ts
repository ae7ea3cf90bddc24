// Which customers can take a registration. Partner Center registers Autopilot devices only for a
// customer with a reseller relationship to the partner; an advisor (or no) relationship refuses the
// upload, so such a customer is shown, greyed, with the reason, and never offered for approval.
export function registrationProblem(customer: { companyName: string; relationship: string }): string | null {
  const relationship = customer.relationship.trim().toLowerCase();
  if (relationship === 'reseller') return null;
  const what = relationship === '' || relationship === 'none' || relationship === 'unknown' ? 'no reseller relationship with you' : `${/^[aeiou]/.test(relationship) ? 'an' : 'a'} ${relationship} relationship with you, not a reseller one`;
  return `${customer.companyName} has ${what}: Partner Center registers devices only for customers you resell to. Send them a reseller relationship request (Upload → Customers), refresh the list once they accept, then choose them.`;
}
