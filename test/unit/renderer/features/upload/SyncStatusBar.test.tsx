import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncStatusBar } from '../../../../../renderer/src/features/upload/SyncStatusBar';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { SignedIn, UploadFake } from './upload-fake';

afterEach(cleanup);

function renderBar(fake: UploadFake): void {
  render(
    <AppProvider api={fake.api}>
      <SignedIn>
        <SyncStatusBar />
      </SignedIn>
    </AppProvider>,
  );
}

describe('status bar', () => {
  it('counts devices that need attention on every screen, and hides the count when there are none', async () => {
    const fake = new UploadFake();
    fake.sync = { ...fake.sync, state: 'idle', message: 'All uploads settled.', attentionDevices: 2 };
    renderBar(fake);
    expect((await screen.findByTestId('sync-attention')).textContent).toBe('2 devices need attention (Upload page)');
    act(() => fake.station.emit('sync:status', { ...fake.sync, attentionDevices: 0, updatedAt: Date.now() }));
    expect(screen.queryByTestId('sync-attention')).toBeNull();
  });

  it('never shows "Up to date" while devices need a person, and tells an operator who can act', async () => {
    const fake = new UploadFake('operator');
    fake.sync = { ...fake.sync, state: 'idle', message: 'All uploads settled.', attentionDevices: 1 };
    renderBar(fake);
    expect((await screen.findByTestId('sync-attention')).textContent).toBe('1 device needs attention: tell a shift lead');
    const bar = screen.getByTestId('sync-status');
    expect(bar.textContent).not.toMatch(/up to date|settled/i);
    expect(bar.textContent).toContain('Needs attention');
    expect(bar.className).toContain('sync-needs-attention');
    act(() => fake.station.emit('sync:status', { ...fake.sync, state: 'needs-attention', message: 'Uploads finished, but 3 devices need a person: Partner Center refused them.', attentionDevices: 3, updatedAt: Date.now() }));
    expect(screen.getByTestId('sync-message').textContent).toBe('Uploads finished, but 3 devices need a person: Partner Center refused them.');
    expect(screen.getByTestId('sync-attention').textContent).toBe('3 devices need attention: tell a shift lead');
  });

  it('loads the engine status and the Partner Center account at start', async () => {
    const fake = new UploadFake();
    fake.sync = { ...fake.sync, state: 'working', message: 'Uploading: 3 devices waiting.', waitingDevices: 3, active: { batchId: 1, batchName: 'Pallet 7', done: 2, total: 5 } };
    renderBar(fake);
    await screen.findByText('Uploading: 3 devices waiting.');
    const bar = screen.getByTestId('sync-status');
    expect(bar.dataset.state).toBe('working');
    expect(bar.textContent).toContain('Uploading');
    expect(screen.getByTestId('sync-progress').dataset.done).toBe('2');
    expect(screen.getByTestId('sync-progress').textContent).toBe('2 of 5');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    expect(screen.getByTestId('sync-batch').textContent).toBe('Pallet 7');
    expect((await screen.findByText(/practice@emulator\.local/)).textContent).toBe('Partner Center: practice@emulator.local');
  });

  it('follows the sync:status event live, and asks for the account again when a sign-in is needed', async () => {
    const fake = new UploadFake();
    renderBar(fake);
    await screen.findByText('All uploads settled.');
    expect(screen.getByTestId('sync-status').dataset.state).toBe('idle');
    expect(screen.queryByTestId('sync-progress')).toBeNull();
    fake.partner = { ...fake.partner, signedIn: false, account: null };
    act(() => fake.station.emit('sync:status', { ...fake.sync, state: 'sign-in-needed', message: 'Sign-in needed: a shift lead must sign the station in to Partner Center. 4 devices waiting.', waitingDevices: 4, updatedAt: Date.now() }));
    expect(screen.getByTestId('sync-status').dataset.state).toBe('sign-in-needed');
    expect(screen.getByTestId('sync-message').textContent).toContain('Sign-in needed');
    await screen.findByText('Partner Center: not signed in');
  });

  it('words a wait between polls as Partner Center processing, and a wait after a problem as a retry', async () => {
    const fake = new UploadFake();
    renderBar(fake);
    await screen.findByText('All uploads settled.');
    act(() => fake.station.emit('sync:status', { ...fake.sync, state: 'waiting', message: 'Waiting to retry: 3 devices queued.', waitingDevices: 3, lastError: null, updatedAt: Date.now() }));
    expect(screen.getByTestId('sync-message').textContent).toBe('Partner Center is processing the upload: 3 devices on the way.');
    expect(screen.getByTestId('sync-status').textContent).toContain('In progress');
    act(() => fake.station.emit('sync:status', { ...fake.sync, state: 'waiting', message: 'Batch 9 has no customer.', waitingDevices: 3, lastError: 'Batch 9 has no customer.', updatedAt: Date.now() }));
    expect(screen.getByTestId('sync-message').textContent).toBe('Batch 9 has no customer.');
    expect(screen.getByTestId('sync-status').textContent).toContain('Will retry');
  });

  it('says when Partner Center is not set up', async () => {
    const fake = new UploadFake();
    fake.partner = { configured: false, signedIn: false, account: null, baseUrl: null, practiceMode: false, lastCustomerRefreshAt: null };
    fake.sync = { ...fake.sync, state: 'not-configured', message: 'Partner Center is not set up.' };
    renderBar(fake);
    await screen.findByText('Partner Center: not set up');
    expect(screen.getByTestId('sync-status').dataset.state).toBe('not-configured');
  });
});
