import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomersPanel } from '../../../../../renderer/src/features/partner/CustomersPanel';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { SignedIn, UploadFake } from '../upload/upload-fake';

afterEach(cleanup);

function renderPanel(fake: UploadFake): void {
  render(
    <AppProvider api={fake.api}>
      <SignedIn>
        <CustomersPanel />
      </SignedIn>
    </AppProvider>,
  );
}

const names = () => screen.queryAllByTestId('customer-row').map((r) => r.firstChild?.textContent);

describe('customers', () => {
  it('lists the cached customers with when they were refreshed, and searches by name or domain', async () => {
    const fake = new UploadFake();
    renderPanel(fake);
    await waitFor(() => expect(names()).toEqual(['Contoso Ltd', 'Fabrikam, Inc.']));
    expect(screen.getByTestId('customers-refreshed-at').textContent).toMatch(/^Refreshed /);
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: 'fabrik' } });
    await waitFor(() => expect(names()).toEqual(['Fabrikam, Inc.']));
    expect(fake.calls('customers:list').at(-1)).toEqual({ search: 'fabrik' });
    expect(screen.getByTestId('customers-count').textContent).toBe('1 customer match “fabrik”.');
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: 'nobody' } });
    expect((await screen.findByTestId('customers-empty')).textContent).toContain('No customer matches');
  });

  it('refreshes from Partner Center and says what changed', async () => {
    const fake = new UploadFake();
    renderPanel(fake);
    fireEvent.click(await screen.findByTestId('customers-refresh'));
    await waitFor(() => expect(screen.getByTestId('customers-status').textContent).toBe('Customer list refreshed: 2 customers (1 new).'));
  });

  it('keeps showing the cached list when a refresh fails, and says why', async () => {
    const fake = new UploadFake();
    fake.station.overrides.set('customers:refresh', () => ({
      ok: false,
      error: { code: 'OFFLINE', message: 'Partner Center could not be reached (the station may be offline, or the service is not answering). The customer list from 2026-11-23T09:30:00.000Z was kept unchanged.', details: { kind: 'network' } },
    }));
    renderPanel(fake);
    fireEvent.click(await screen.findByTestId('customers-refresh'));
    const error = await screen.findByTestId('customers-error');
    expect(error.textContent).toContain('Could not refresh the customer list: Partner Center cannot be reached');
    expect(error.textContent).toContain('Below is the list kept on this station');
    expect(names()).toEqual(['Contoso Ltd', 'Fabrikam, Inc.']);
  });

  it.each([
    ['auth', 'Could not refresh the customer list: Partner Center sign-in is needed'],
    ['forbidden', 'Partner Center refused the signed-in account.'],
  ])('words a %s failure for the lead', async (kind, words) => {
    const fake = new UploadFake();
    fake.station.overrides.set('customers:refresh', () => ({ ok: false, error: { code: 'REMOTE_ERROR', message: 'Details from the core.', details: { kind } } }));
    renderPanel(fake);
    fireEvent.click(await screen.findByTestId('customers-refresh'));
    expect((await screen.findByTestId('customers-error')).textContent).toContain(words);
  });

  it('says when there is no list yet', async () => {
    const fake = new UploadFake();
    fake.customers = [];
    fake.customersAt = null;
    renderPanel(fake);
    expect((await screen.findByTestId('customers-empty')).textContent).toContain('No customer list yet. Press Refresh');
    expect(screen.getByTestId('customers-refreshed-at').textContent).toBe('Never fetched from Partner Center');
  });

  it('gives the relationship link for a customer not listed, with a copy button', async () => {
    const fake = new UploadFake();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderPanel(fake);
    const box = await screen.findByTestId('relationship');
    expect(box.textContent).toContain('Global Administrator');
    expect(box.textContent).toContain('Delegated admin rights (DAP/GDAP) are not needed');
    fireEvent.click(screen.getByTestId('relationship-get'));
    const url = (await screen.findByTestId('relationship-url')) as HTMLInputElement;
    expect(url.value).toMatch(/^https:\/\/admin\.microsoft\.com\//);
    expect(screen.getByTestId('relationship-explanation').textContent).toContain('NOT needed');
    fireEvent.click(screen.getByTestId('relationship-copy'));
    await waitFor(() => expect(screen.getByTestId('relationship-copied').textContent).toContain('Link copied'));
    expect(writeText).toHaveBeenCalledWith(url.value);
  });
});
