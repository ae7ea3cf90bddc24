import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PartnerSettings } from '../../../../../renderer/src/features/partner/PartnerSettings';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { SignedIn, UploadFake } from '../upload/upload-fake';

afterEach(cleanup);

function renderSettings(fake: UploadFake): void {
  render(
    <AppProvider api={fake.api}>
      <SignedIn>
        <PartnerSettings />
      </SignedIn>
    </AppProvider>,
  );
}

describe('Settings → Partner Center', () => {
  it('shows the set-up, the account and practice mode; a lead signs in and uploads go on at once', async () => {
    const fake = new UploadFake('lead');
    renderSettings(fake);
    expect((await screen.findByTestId('partner-configured')).textContent).toBe('Yes');
    expect(screen.getByTestId('partner-signed-in-as').textContent).toBe('practice@emulator.local');
    expect(screen.getByTestId('partner-mode').textContent).toContain('Nothing reaches Microsoft');
    expect(screen.queryByTestId('partner-not-set-up')).toBeNull();
    expect(screen.queryByTestId('partner-fields')).toBeNull();
    fireEvent.click(screen.getByTestId('partner-sign-in'));
    await waitFor(() => expect(screen.getByTestId('partner-done').textContent).toBe('Signed in to Partner Center as practice@emulator.local.'));
    await waitFor(() => expect(fake.calls('sync:now')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('partner-sign-out'));
    await waitFor(() => expect(screen.getByTestId('partner-done').textContent).toContain('Signed out of Partner Center'));
  });

  it('explains a station that is not set up, without sign-in buttons', async () => {
    const fake = new UploadFake('lead');
    fake.partner = { configured: false, signedIn: false, account: null, baseUrl: null, practiceMode: false, lastCustomerRefreshAt: null };
    renderSettings(fake);
    const help = await screen.findByTestId('partner-not-set-up');
    expect(help.textContent).toContain('not connected to Partner Center');
    expect(help.textContent).toContain('A station admin enters the client id');
    expect(screen.getByTestId('partner-configured').textContent).toBe('No');
    expect(screen.queryByTestId('partner-sign-in')).toBeNull();
  });

  it('shows a sign-in failure in the core’s words', async () => {
    const fake = new UploadFake('lead');
    fake.partner = { ...fake.partner, signedIn: false, account: null };
    fake.station.overrides.set('partner:signIn', () => ({ ok: false, error: { code: 'REMOTE_ERROR', message: 'Partner Center sign-in did not complete: the browser window was closed.' } }));
    renderSettings(fake);
    expect((await screen.findByTestId('partner-signed-in-as')).textContent).toContain('Nobody');
    expect((screen.getByTestId('partner-sign-out') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('partner-sign-in'));
    await waitFor(() => expect(screen.getByTestId('partner-error').textContent).toContain('browser window was closed'));
    expect(fake.calls('sync:now')).toHaveLength(0);
  });

  it('lets an admin change the app registration and says a restart applies it', async () => {
    const fake = new UploadFake('admin');
    renderSettings(fake);
    const clientId = (await screen.findByTestId('partner-client-id')) as HTMLInputElement;
    await waitFor(() => expect((screen.getByTestId('partner-tenant') as HTMLInputElement).value).toBe('organizations'));
    fireEvent.change(clientId, { target: { value: ' 11111111-2222-3333-4444-555555555555 ' } });
    fireEvent.change(screen.getByTestId('partner-cloud'), { target: { value: 'china' } });
    fireEvent.click(screen.getByTestId('partner-save'));
    await waitFor(() => expect(screen.getByTestId('partner-fields-status').textContent).toContain('Restart Dockside'));
    expect(fake.calls('settings:update')).toEqual([
      { key: 'partnerCenter.clientId', value: '11111111-2222-3333-4444-555555555555' },
      { key: 'partnerCenter.cloud', value: 'china' },
    ]);
    fireEvent.click(screen.getByTestId('partner-save'));
    await waitFor(() => expect(screen.getByTestId('partner-fields-status').textContent).toBe('Nothing changed.'));
  });

  it('shows an operator the status but no buttons', async () => {
    const fake = new UploadFake('operator');
    renderSettings(fake);
    await screen.findByTestId('partner-configured');
    expect(screen.queryByTestId('partner-sign-in')).toBeNull();
    expect(screen.getByText('A shift lead or station admin signs the station in to Partner Center.')).toBeTruthy();
  });
});
