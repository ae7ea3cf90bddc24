// The customer list in the operator's language: Polish plural forms (one, few) for the count and for
// what a refresh changed, and the refresh time on the station's 24-hour clock.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomersPanel } from '../../../../../renderer/src/features/partner/CustomersPanel';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { SignedIn, UploadFake } from '../upload/upload-fake';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

describe('customers in Polish', () => {
  it('counts customers and says what a refresh changed with Polish plurals', async () => {
    const fake = new UploadFake();
    for (const op of fake.station.operators) op.language = 'pl';
    render(
      <AppProvider api={fake.api}>
        <SignedIn>
          <CustomersPanel />
        </SignedIn>
      </AppProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('customers-count').textContent).toBe('2 klientów.'));
    // Refreshed on 23 November (another day): the day and the Polish month, then the 24-hour time.
    expect(screen.getByTestId('customers-refreshed-at').textContent).toMatch(/^Odświeżono \d{1,2} lis \d\d:\d\d$/);
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: 'fabrik' } });
    await waitFor(() => expect(screen.getByTestId('customers-count').textContent).toBe('1 klient pasuje do „fabrik”.'));
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('customers-refresh'));
    await waitFor(() => expect(screen.getByTestId('customers-status').textContent).toBe('Odświeżono listę klientów: 2 klientów (1 nowy).'));
  });
});
