// The Batches page. Approving a batch: the customer, the checks, and the second person.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openReview, withFakeLayout } from './batches-page-setup';
import { ok, ReviewFake } from './review-fake';

withFakeLayout();

describe('approve', () => {
  it('greys out a customer without a reseller relationship, with the reason, and does not let it be chosen', async () => {
    const fake = new ReviewFake();
    fake.station.overrides.set('customers:list', () =>
      ok({
        refreshedAt: 0,
        customers: [
          { tenantId: 'tenant-contoso', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller', refreshedAt: 0, listed: true },
          { tenantId: 'tenant-adv', companyName: 'Advised Co', domain: 'adv.onmicrosoft.com', relationship: 'advisor', refreshedAt: 0, listed: true },
        ],
      }),
    );
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    const advised = (await screen.findByTestId('approve-customer-tenant-adv')) as HTMLButtonElement;
    expect(advised.disabled).toBe(true);
    expect(screen.getByTestId('approve-customer-why-tenant-adv').textContent).toContain('Advised Co has an advisor relationship with you, not a reseller one');
    fireEvent.click(advised);
    expect(advised.getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByTestId('approve-customer-tenant-contoso') as HTMLButtonElement).disabled).toBe(false);
  });
  it('shows count, duplicates and missing lines first, then a customer, then approves', async () => {
    const fake = new ReviewFake();
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    expect((await screen.findByTestId('approve-count')).dataset.count).toBe('198');
    expect(screen.getByTestId('approve-duplicates').textContent).toContain('SN1');
    expect(screen.getByTestId('approve-missing').dataset.count).toBe('3');
    expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('approve-customer-search'), { target: { value: 'fabri' } });
    await waitFor(() => expect(screen.queryByTestId('approve-customer-tenant-contoso')).toBeNull(), { timeout: 2000 });
    fireEvent.change(screen.getByTestId('approve-customer-search'), { target: { value: '' } });
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    expect((await screen.findByTestId('approve-summary')).textContent).toContain('Contoso Ltd');
    await waitFor(() => expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('approve-confirm'));
    await waitFor(() => expect(screen.queryByTestId('approve-dialog')).toBeNull());
    expect(fake.calls('approval:approve')).toEqual([{ batchId: 1, customerTenantId: 'tenant-contoso' }]);
    expect(screen.getByTestId('review-notice').textContent).toContain('approved for Contoso Ltd');
  });

  it('the lead who imported sees why they cannot approve alone, who may, and approves with a second PIN', async () => {
    const fake = new ReviewFake();
    fake.yourDevices = 2;
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    const panel = await screen.findByTestId('approve-two-person');
    expect(panel.dataset.needsSecond).toBe('true');
    expect(screen.getByTestId('approve-rule-state').textContent).toContain('Two-person rule: on');
    expect(screen.getByTestId('approve-who').textContent).toMatch(/you imported lines of batch PO-4711\. Ada Admin, Lee Lead may approve it, or confirm/);
    expect(screen.getByTestId('approve-eligible').textContent).toBe('May approve: Ada Admin (Station admin), Lee Lead (Shift lead)');
    expect(screen.getByTestId('approve-changers').textContent).toContain('Liam: imported');
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    await screen.findByTestId('approve-summary');
    expect(screen.queryByTestId('approve-blocker')).toBeNull();
    // Without the second PIN, Approve stays off.
    expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('approve-second-name'), { target: { value: 'Lee Lead' } });
    fireEvent.change(screen.getByTestId('approve-second-pin'), { target: { value: '111222' } });
    expect(screen.getByTestId('approve-confirm').textContent).toBe("Approve with Lee Lead's PIN");
    fireEvent.click(screen.getByTestId('approve-confirm'));
    expect((await screen.findByTestId('approve-error')).textContent).toMatch(/PIN is wrong.*4 tries left/);
    expect((screen.getByTestId('approve-second-pin') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByTestId('approve-second-pin'), { target: { value: '739154' } });
    fireEvent.click(screen.getByTestId('approve-confirm'));
    await waitFor(() => expect(screen.queryByTestId('approve-dialog')).toBeNull());
    expect(fake.calls('approval:approve').at(-1)).toEqual({ batchId: 1, customerTenantId: 'tenant-contoso', secondPerson: { name: 'Lee Lead', pin: '739154' } });
    expect(screen.getByTestId('review-notice').textContent).toContain('confirmed by Lee Lead');
  });

  it('when nobody may approve, says why and the way out, and keeps Approve off', async () => {
    const fake = new ReviewFake();
    fake.yourDevices = 2;
    fake.othersEligible = false;
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    expect((await screen.findByTestId('approve-who')).textContent).toMatch(/Nobody can approve batch PO-4711.*turn the two-person rule off in Settings/);
    expect(screen.queryByTestId('approve-second')).toBeNull();
    expect(screen.queryByTestId('approve-eligible')).toBeNull();
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    await screen.findByTestId('approve-summary');
    expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the rule as off when an admin turned it off, and lets the lead approve alone', async () => {
    const fake = new ReviewFake();
    fake.yourDevices = 2;
    fake.twoPersonRuleOn = false;
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    expect((await screen.findByTestId('approve-rule-state')).textContent).toContain('Two-person rule: off');
    expect(screen.queryByTestId('approve-second')).toBeNull();
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    await waitFor(() => expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(false));
  });
});
