import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES_NOTE } from '../../../../../shared/contract/profiles';
import { batch, device, fakeLayout, ok, UploadFake } from './upload-fake';
import { renderUploadPage } from './render-upload';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = fakeLayout()));
afterAll(() => restoreLayout());
afterEach(cleanup);

const KIOSK = { id: 'policy-kiosk', name: 'Kiosk', description: 'Shared floor PCs', settings: ['skip_eula', 'oobe_user_not_local_admin'], devicesAssigned: 3 };
const OFFICE = { id: 'policy-office', name: 'Office', description: null, settings: [], devicesAssigned: null };

/** Pallet 7 needs attention (two registered, one failed), Pallet 6 is registered, Pallet 5 is uploading. */
function world(role: 'lead' | 'operator' = 'lead'): UploadFake {
  const fake = new UploadFake(role);
  fake.batches = [batch(1, 'Pallet 7', 'needs_attention', 3), batch(2, 'Pallet 6', 'registered', 1), batch(3, 'Pallet 5', 'uploading', 1)];
  fake.devices = [
    device(1, 1, 'registered', '3327805504064'),
    device(2, 1, 'registered', '3358422088526'),
    device(3, 1, 'failed', '3396489167886', '812', 'ZtdDeviceNotFound'),
    device(4, 2, 'registered', '3391340221003'),
    device(5, 3, 'queued', '3391340221004'),
  ];
  fake.profiles = ok([KIOSK, OFFICE]);
  return fake;
}

async function openProfiles(): Promise<void> {
  const open = await screen.findByTestId('profile-open');
  expect(open.textContent).toBe('Choose a profile…');
  expect(open.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(open);
  await screen.findByTestId('profile-note');
}

describe('Autopilot profile on the upload page', () => {
  it("lists the customer's profiles with the note on Intune profiles", async () => {
    const fake = world();
    renderUploadPage(fake);
    await openProfiles();
    expect(fake.calls('profiles:list')).toEqual([{ customerTenantId: 'tenant-contoso' }]);
    expect(screen.getByTestId('profile-open').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('profile-note').textContent).toContain(PROFILES_NOTE);
    expect(screen.getByTestId('profile-note').textContent).toContain('not visible to Partner Center');
    const kiosk = screen.getByTestId('profile-option-policy-kiosk') as HTMLInputElement;
    // A real radio with a label, so it is reached with Tab and picked with Space or the arrow keys.
    expect(kiosk.type).toBe('radio');
    const kioskLabel = screen.getByLabelText(/Kiosk/);
    expect(kioskLabel).toBe(kiosk);
    const kioskText = kiosk.closest('.profile-option')?.textContent ?? '';
    expect(kioskText).toContain('Shared floor PCs');
    expect(kioskText).toContain('skip_eula, oobe_user_not_local_admin');
    expect(kioskText).toContain('3 devices already use it.');
    expect(screen.getByTestId('profile-option-policy-office').closest('.profile-option')?.textContent).toContain('No description.');
    // Nothing chosen yet: nothing to assign.
    expect((screen.getByTestId('profile-assign') as HTMLButtonElement).disabled).toBe(true);
    // Escape closes the list.
    fireEvent.keyDown(kiosk, { key: 'Escape' });
    expect(screen.queryByTestId('profile-note')).toBeNull();
    expect(screen.getByTestId('profile-open').getAttribute('aria-expanded')).toBe('false');
  });

  it('assigns the chosen profile, busy while Partner Center works, then says how it went', async () => {
    const fake = world();
    fake.assignResult = ok({ assigned: 2, skipped: 1, failed: [], stillRunning: 0 });
    renderUploadPage(fake);
    await openProfiles();
    fireEvent.click(screen.getByTestId('profile-option-policy-kiosk'));
    const assign = screen.getByTestId('profile-assign') as HTMLButtonElement;
    expect(assign.disabled).toBe(false);
    expect(assign.textContent).toBe('Assign “Kiosk” to the registered devices');
    fireEvent.click(assign);
    expect(screen.getByTestId('profile-busy').textContent).toBe('Partner Center is assigning… this can take a minute.');
    expect((screen.getByTestId('profile-assign') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('profile-open') as HTMLButtonElement).disabled).toBe(true);
    const result = await screen.findByTestId('profile-result');
    expect(screen.queryByTestId('profile-busy')).toBeNull();
    expect(fake.calls('profiles:assign')).toEqual([{ batchId: 1, policyId: 'policy-kiosk' }]);
    expect(result.textContent).toContain('Profile “Kiosk”: 2 devices assigned');
    expect(result.dataset.assigned).toBe('2');
    expect(within(result).getByTestId('profile-skipped').textContent).toContain('1 device skipped: no Partner Center id');
    expect(within(result).queryByTestId('profile-failed')).toBeNull();
    expect(within(result).queryByTestId('profile-still-running')).toBeNull();
    expect(screen.queryByTestId('profile-error')).toBeNull();
    // The list is read again, so each profile's device count is current.
    await waitFor(() => expect(fake.calls('profiles:list')).toHaveLength(2));
  });

  it('explains each device that failed (809) and the ones still running', async () => {
    const fake = world();
    fake.assignResult = ok({
      assigned: 1,
      skipped: 0,
      failed: [{ deviceId: 2, pkid: '3358422088526', code: '809', meaning: 'The Autopilot profile does not exist for this customer.', action: 'Refresh the profile list and choose an existing profile.' }],
      stillRunning: 4,
    });
    renderUploadPage(fake);
    await openProfiles();
    fireEvent.click(screen.getByTestId('profile-option-policy-office'));
    fireEvent.click(screen.getByTestId('profile-assign'));
    const result = await screen.findByTestId('profile-result');
    expect(result.textContent).toContain('1 device assigned');
    expect(result.dataset.failed).toBe('1');
    const failed = within(result).getByTestId('profile-failed');
    const row = within(failed).getByTestId('profile-failed-3358422088526');
    expect(row.dataset.code).toBe('809');
    expect(row.textContent).toContain('3358422088526');
    expect(row.textContent).toContain('809');
    expect(row.textContent).toContain('The Autopilot profile does not exist for this customer.');
    expect(row.textContent).toContain('What to do: Refresh the profile list and choose an existing profile.');
    expect(within(result).getByTestId('profile-still-running').textContent).toContain('4 devices still running');
    expect(within(result).queryByTestId('profile-skipped')).toBeNull();
  });

  it('shows the error from the envelope in plain text, for the list and for the assignment', async () => {
    const fake = world();
    fake.profiles = { ok: false, error: { code: 'OFFLINE', message: 'Partner Center could not be reached (the station may be offline, or the service is not answering). The profile list could not be read.' } };
    renderUploadPage(fake);
    fireEvent.click(await screen.findByTestId('profile-open'));
    const listError = await screen.findByTestId('profile-list-error');
    expect(listError.textContent).toBe('Partner Center could not be reached (the station may be offline, or the service is not answering). The profile list could not be read.');
    expect(listError.getAttribute('role')).toBe('alert');
    expect(screen.queryByTestId('profile-assign')).toBeNull();

    // Closed and opened again: the list is asked for again, and this time it comes.
    fake.profiles = ok([KIOSK]);
    fake.assignResult = { ok: false, error: { code: 'INVALID_STATE', message: 'Batch Pallet 7 has no registered devices with a Partner Center id to assign a profile to.' } };
    fireEvent.click(screen.getByTestId('profile-open'));
    fireEvent.click(screen.getByTestId('profile-open'));
    fireEvent.click(await screen.findByTestId('profile-option-policy-kiosk'));
    expect(screen.queryByTestId('profile-list-error')).toBeNull();
    fireEvent.click(screen.getByTestId('profile-assign'));
    const error = await screen.findByTestId('profile-error');
    expect(error.textContent).toBe('Batch Pallet 7 has no registered devices with a Partner Center id to assign a profile to.');
    expect(screen.queryByTestId('profile-result')).toBeNull();
    expect(fake.calls('profiles:list')).toHaveLength(2);
  });

  it('is offered for registered batches too, but not while uploading, nor to operators', async () => {
    const fake = world();
    renderUploadPage(fake);
    await screen.findByTestId('profile-open');
    fireEvent.click(screen.getByTestId('upload-batch-Pallet 6'));
    await waitFor(() => expect(screen.getByTestId('batch-results').dataset.batch).toBe('Pallet 6'));
    await openProfiles();
    fireEvent.click(screen.getByTestId('profile-option-policy-kiosk'));
    fireEvent.click(screen.getByTestId('profile-assign'));
    expect((await screen.findByTestId('profile-result')).dataset.assigned).toBe('1');
    expect(fake.calls('profiles:assign')).toEqual([{ batchId: 2, policyId: 'policy-kiosk' }]);
    fireEvent.click(screen.getByTestId('upload-batch-Pallet 5'));
    await waitFor(() => expect(screen.getByTestId('batch-results').dataset.batch).toBe('Pallet 5'));
    expect(screen.queryByTestId('profile-open')).toBeNull();
    cleanup();

    renderUploadPage(world('operator'));
    await screen.findByTestId('batch-results');
    expect(screen.queryByTestId('profile-open')).toBeNull();
  });
});
