import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batch, device, fakeLayout, UploadFake } from './upload-fake';
import { renderUploadPage } from './render-upload';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = fakeLayout()));
afterAll(() => restoreLayout());
afterEach(cleanup);

/** A batch needing attention (one 812, one 808, one 806 note, two registered) and one registered. */
function world(role: 'lead' | 'operator' = 'lead'): UploadFake {
  const fake = new UploadFake(role);
  fake.batches = [batch(1, 'Pallet 7', 'needs_attention', 5), batch(2, 'Pallet 6', 'registered', 1)];
  fake.devices = [
    device(1, 1, 'registered', '3327805504064'),
    device(2, 1, 'registered', '3358422088526'),
    device(3, 1, 'registered', '3355962661969', '806', 'ZtdDeviceAlreadyAssigned: The device is already registered to this customer'),
    device(4, 1, 'failed', '3396489167886', '812', 'ZtdDeviceNotFound: Microsoft has no hardware record'),
    device(5, 1, 'failed', '3377412745152', '808', 'ZtdDeviceAssignedToOtherTenant'),
    device(6, 2, 'registered', '3391340221003'),
  ];
  return fake;
}

describe('upload page', () => {
  it('groups the batches, opens the one needing attention and explains each failed device', async () => {
    const fake = world();
    renderUploadPage(fake);
    const results = await screen.findByTestId('batch-results');
    expect(results.dataset.batch).toBe('Pallet 7');
    expect(screen.getByTestId('batch-group-needs_attention').textContent).toContain('Needs attention (1)');
    expect(screen.getByTestId('batch-group-registered').textContent).toContain('Pallet 6');
    await waitFor(() => expect(screen.getByTestId('result-failed').dataset.value).toBe('2'));
    expect(screen.getByTestId('result-registered').dataset.value).toBe('3');
    expect(screen.getByTestId('result-waiting').dataset.value).toBe('0');
    // Failed devices are shown first, each with its code, meaning and action.
    await waitFor(() => expect(screen.getByTestId('result-filter-failed').getAttribute('aria-pressed')).toBe('true'));
    const notFiled = await screen.findByTestId('device-3396489167886');
    expect(notFiled.dataset.code).toBe('812');
    expect(within(notFiled).getByTestId('device-state').textContent).toBe('Failed · retry later');
    expect(within(notFiled).getByTestId('device-meaning').textContent).toContain('Microsoft has no hardware record');
    expect(within(notFiled).getByTestId('device-action').textContent).toContain('Retry later');
    const owned = screen.getByTestId('device-3377412745152');
    expect(within(owned).getByTestId('device-state').textContent).toBe('Failed · needs action');
    expect(within(owned).getByTestId('device-action').textContent).toContain('proof of ownership');
    // 806 is registered, with its note.
    fireEvent.click(screen.getByTestId('result-filter-registered'));
    const already = await screen.findByTestId('device-3355962661969');
    expect(already.dataset.state).toBe('registered');
    expect(within(already).getByTestId('device-note').textContent).toContain('already registered to this customer');
    expect(within(already).queryByTestId('device-check')).toBeNull();
  });

  it('shows the identity each device was sent with, and explains 812 for a tuple in its own words', async () => {
    const fake = world();
    fake.devices.push(device(7, 1, 'failed', '', '812', 'ZtdDeviceNotFound', { pkid: null, serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP Elitebook 840 G10' }));
    renderUploadPage(fake);
    const tuple = await screen.findByTestId('device-5CG4210XYZ');
    expect(within(tuple).getByTestId('identity').dataset.kind).toBe('tuple');
    expect(within(tuple).getByTestId('device-meaning').textContent).toContain('matched case-sensitively');
    expect(within(tuple).getByTestId('device-action').textContent).toContain('Check the spelling and case against the firmware');
    const pkid = screen.getByTestId('device-3396489167886');
    expect(within(pkid).getByTestId('identity').dataset.kind).toBe('pkid');
    expect(within(pkid).getByTestId('device-meaning').textContent).not.toContain('case-sensitively');
  });

  it('explains 802 for a device sent by its hardware hash: collect the hash again', async () => {
    const fake = world();
    fake.devices.push(device(8, 1, 'failed', '', '802', 'InvalidZtdHardwareHash', { pkid: null, serial: 'PF4HASH01', hasHardwareHash: true }));
    renderUploadPage(fake);
    const hashed = await screen.findByTestId('device-PF4HASH01');
    expect(within(hashed).getByTestId('identity').dataset.kind).toBe('hash');
    expect(within(hashed).getByTestId('identity').textContent).toContain('Hash');
    expect(within(hashed).getByTestId('device-state').textContent).toBe('Failed · needs action');
    expect(within(hashed).getByTestId('device-meaning').textContent).toContain('not a full (4K) hardware hash');
    expect(within(hashed).getByTestId('device-action').textContent).toContain('Collect the hash again on the device with Get-WindowsAutopilotInfo');
  });

  it('retries the ticked devices, or all failed ones', async () => {
    const fake = world();
    renderUploadPage(fake);
    const row = await screen.findByTestId('device-3396489167886');
    expect((screen.getByTestId('retry-selected') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(row).getByTestId('device-check'));
    expect(screen.getByTestId('retry-selected').textContent).toBe('Retry ticked (1)');
    fireEvent.click(screen.getByTestId('retry-selected'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toContain('1 device sent again'));
    expect(fake.calls('uploads:retryFailed')).toEqual([{ batchId: 1, deviceIds: [4] }]);
    expect(screen.getByTestId('retry-selected').textContent).toBe('Retry ticked (0)');
    fireEvent.click(screen.getByTestId('retry-all-failed'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toContain('2 devices sent again'));
    expect(fake.calls('uploads:retryFailed')[1]).toEqual({ batchId: 1 });
  });

  it('stays on the batch the lead works in when a retry moves it out of "needs attention"', async () => {
    const fake = world();
    fake.batches = [batch(1, 'Pallet 7', 'needs_attention', 5), batch(3, 'Pallet 8', 'needs_attention', 1), batch(2, 'Pallet 6', 'registered', 1)];
    fake.devices.push(device(7, 3, 'failed', '3301234567890', '808', 'ZtdDeviceAssignedToOtherTenant'));
    renderUploadPage(fake);
    const row = await screen.findByTestId('device-3396489167886');
    fireEvent.click(within(row).getByTestId('device-check'));
    fireEvent.click(screen.getByTestId('retry-selected'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toContain('1 device sent again'));
    // The core moves Pallet 7 on; the list reloads with Pallet 8 first among those needing attention.
    fake.batches = [batch(3, 'Pallet 8', 'needs_attention', 1), batch(1, 'Pallet 7', 'uploading', 5), batch(2, 'Pallet 6', 'registered', 1)];
    act(() => fake.station.emit('db:changed', { tables: ['batches', 'devices'] }));
    await waitFor(() => expect(screen.getByTestId('upload-batch-Pallet 7').dataset.state).toBe('uploading'));
    expect(screen.getByTestId('upload-batch-Pallet 7').getAttribute('aria-current')).toBe('true');
    expect(screen.getByTestId('upload-batch-Pallet 8').getAttribute('aria-current')).toBeNull();
    expect(screen.getByTestId('device-3396489167886')).toBeTruthy();
  });

  it('moves the failed devices to a new batch, and shows why a removal was refused', async () => {
    const fake = world();
    renderUploadPage(fake);
    fireEvent.click(await screen.findByTestId('move-failed'));
    const name = screen.getByTestId('move-failed-name') as HTMLInputElement;
    expect(name.value).toBe('Pallet 7 failed');
    fireEvent.change(name, { target: { value: 'Pallet 7 retry' } });
    fireEvent.click(screen.getByTestId('move-failed-submit'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toContain('2 failed devices moved to the new batch “Pallet 7 retry”'));
    expect(fake.calls('uploads:moveFailed')).toEqual([{ batchId: 1, newBatchName: 'Pallet 7 retry' }]);

    const row = screen.getByTestId('device-3377412745152');
    fireEvent.click(within(row).getByTestId('device-remove'));
    fireEvent.change(within(row).getByTestId('remove-reason'), { target: { value: 'sent back to supplier' } });
    fireEvent.click(within(row).getByTestId('remove-submit'));
    await waitFor(() => expect(within(row).getByTestId('remove-error').textContent).toContain('can no longer be changed'));
    expect(fake.calls('review:removeDevice')).toEqual([{ deviceId: 5, reason: 'sent back to supplier' }]);
  });

  it('lets a lead attach a hardware hash file to a device refused for its identity (812), not to one owned elsewhere (808)', async () => {
    const fake = world();
    fake.station.overrides.set('review:attachHash', (input) => {
      const d = fake.devices.find((x) => x.id === input.deviceId);
      return { ok: true, value: { ...d, hasHardwareHash: true } };
    });
    renderUploadPage(fake);
    const owned = await screen.findByTestId('device-3377412745152');
    expect(within(owned).queryByTestId('device-attach-hash')).toBeNull();
    const row = screen.getByTestId('device-3396489167886');
    fireEvent.click(within(row).getByTestId('device-attach-hash'));
    const submit = within(row).getByTestId('attach-hash-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    const csv = new File(['Device Serial Number,Windows Product ID,Hardware Hash\r\nPF1,,QUJD\r\n'], 'AutopilotHWID.csv', { type: 'text/csv' });
    fireEvent.change(within(row).getByTestId('attach-hash-file'), { target: { files: [csv] } });
    await waitFor(() => expect(within(row).getByText('File: AutopilotHWID.csv')).toBeTruthy());
    fireEvent.change(within(row).getByTestId('attach-hash-reason'), { target: { value: 'hash collected on the device' } });
    fireEvent.click(submit);
    await waitFor(() => expect(within(row).getByTestId('device-notice').textContent).toContain('Hardware hash from AutopilotHWID.csv attached'));
    expect(fake.calls('review:attachHash')).toEqual([{ deviceId: 4, fileName: 'AutopilotHWID.csv', contentBase64: expect.any(String), reason: 'hash collected on the device' }]);
    expect(within(row).queryByTestId('attach-hash-form')).toBeNull();
  });

  it('shows the engine status live and lets a lead try now', async () => {
    const fake = world();
    fake.sync = { state: 'offline', message: 'Offline — 12 devices waiting. Retrying by itself.', waitingDevices: 12, attentionDevices: 0, active: null, lastError: 'connect ECONNREFUSED', updatedAt: Date.now() };
    renderUploadPage(fake);
    const engine = await screen.findByTestId('engine-status');
    expect(engine.dataset.state).toBe('offline');
    expect(screen.getByTestId('engine-message').textContent).toBe('Offline — 12 devices waiting. Retrying by itself.');
    expect(screen.getByTestId('engine-last-error').textContent).toContain('ECONNREFUSED');
    act(() => fake.station.emit('sync:status', { ...fake.sync, state: 'working', message: 'Uploading: 12 devices waiting.', active: { batchId: 1, batchName: 'Pallet 7', done: 4, total: 12 } }));
    expect(screen.getByTestId('engine-status').dataset.state).toBe('working');
    expect(screen.getByTestId('engine-progress').dataset.done).toBe('4');
    expect(screen.getByTestId('upload-batch-progress-Pallet 7').textContent).toContain('4 of 12');
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(fake.calls('sync:now')).toHaveLength(1));
  });

  it('keeps a long device list virtual and loads further pages as it scrolls', async () => {
    const fake = new UploadFake();
    fake.batches = [batch(1, 'Big pallet', 'uploading', 2500)];
    fake.devices = Array.from({ length: 2500 }, (_, i) => device(i + 1, 1, i % 2 ? 'queued' : 'registered', String(3_300_000_000_000 + i)));
    renderUploadPage(fake);
    const list = await screen.findByTestId('device-list');
    await waitFor(() => expect(list.dataset.count).toBe('2500'));
    const rendered = list.querySelectorAll('.device-row').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(40);
    expect(fake.calls('review:devices')[0]).toMatchObject({ batchId: 1, state: 'live', limit: 500 });
    // Scrolled to the end of what is loaded: the next page is asked for, after the last id.
    act(() => {
      list.scrollTop = 500 * 100;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(fake.calls('review:devices').some((c) => (c as { after?: number }).after === 500)).toBe(true));
  });

  it('says so when nothing has been approved yet', async () => {
    const fake = new UploadFake();
    renderUploadPage(fake);
    expect((await screen.findByTestId('upload-batches-empty')).textContent).toContain('No batch has been approved yet');
  });

  it('hides the actions from a role that may not approve', async () => {
    const fake = world('operator');
    fake.station.overrides.set('review:devices', () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'A shift lead may see device results.' } }));
    renderUploadPage(fake);
    await screen.findByTestId('batch-results');
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(screen.queryByTestId('failed-actions')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('batch-results-error').textContent).toContain('shift lead'));
  });
});
