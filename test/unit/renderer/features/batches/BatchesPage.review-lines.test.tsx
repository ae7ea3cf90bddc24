// The Batches page. What the review desk says about a line and the corrections a lead makes there.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { openReview, withFakeLayout } from './batches-page-setup';
import { device, ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

withFakeLayout();

describe('review', () => {
  it('filters by state, operator and source, and searches', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 30);
    await openReview(fake);
    await screen.findByTestId('review-row-3000000000001');
    fireEvent.change(screen.getByTestId('review-filter-state'), { target: { value: 'failed' } });
    await waitFor(() => expect(fake.calls('review:devices').at(-1)).toMatchObject({ state: 'failed' }));
    expect(await screen.findByTestId('review-empty')).toBeTruthy();
    fireEvent.change(screen.getByTestId('review-filter-operator'), { target: { value: '2' } });
    await waitFor(() => expect(fake.calls('review:devices').at(-1)).toMatchObject({ operatorId: 2 }));
    fireEvent.change(screen.getByTestId('review-filter-source'), { target: { value: 'wedge' } });
    await waitFor(() => expect(fake.calls('review:devices').at(-1)).toMatchObject({ source: 'wedge' }));
    fireEvent.change(screen.getByTestId('review-search'), { target: { value: '300000000001' } });
    await waitFor(() => expect(fake.calls('review:devices').at(-1)).toMatchObject({ search: '300000000001' }));
  });

  it('shows who scanned each line, its source and a failed line in plain words', async () => {
    const fake = new ReviewFake();
    fake.devices = [device(1, 1, { state: 'failed', errorCode: '808', errorText: 'ZtdDeviceAssignedToOtherTenant', serial: 'PF3ABC', manufacturer: 'LENOVO', model: 'T14', source: 'camera' })];
    await openReview(fake);
    const row = await screen.findByTestId('review-row-3000000000001');
    expect(row.dataset.state).toBe('failed');
    expect(row.textContent).toContain('Serial PF3ABC');
    expect(row.textContent).toContain('LENOVO T14');
    expect(row.textContent).toContain('Camera');
    expect(row.textContent).toContain('Olga');
    expect(row.textContent).toContain('Failed 808');
    expect(row.textContent).toContain('ZtdDeviceAssignedToOtherTenant');
  });

  it('shows a moved line as not yet sent, with what Partner Center said about it last time', async () => {
    const fake = new ReviewFake();
    fake.devices = [device(1, 1, { state: 'scanned', errorCode: '813', errorText: 'ZtdDeviceIsNotUnique' })];
    await openReview(fake);
    const row = await screen.findByTestId('review-row-3000000000001');
    expect(row.dataset.state).toBe('scanned');
    expect(screen.getByTestId('review-error-3000000000001').textContent).toBe('Refused last time: 813 ZtdDeviceIsNotUnique');
  });

  it("flags a line the fleet's hub gave to another dock, with where it was first scanned", async () => {
    const fake = new ReviewFake();
    fake.devices = [device(1, 1), device(2, 1, { heldElsewhere: { stationName: 'Dock 1', batchName: 'PO-A', operatorName: 'Olga', scannedAt: new Date(2026, 11, 7, 7, 42).getTime() } })];
    await openReview(fake);
    expect((await screen.findByTestId('review-elsewhere-3000000000002')).textContent).toMatch(/^Another dock's box: first scanned at Dock 1, batch PO-A, by Olga at (\d+ \w+ )?07:42\. Remove it\.$/);
    expect(screen.queryByTestId('review-elsewhere-3000000000001')).toBeNull();
  });

  it('removes a line with a reason, and the list reloads on db:changed', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 3);
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('remove-3000000000002'));
    const dialog = screen.getByTestId('line-dialog');
    expect((screen.getByTestId('line-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('line-reason'), { target: { value: 'Box damaged' } });
    fireEvent.click(screen.getByTestId('line-confirm'));
    await waitFor(() => expect(screen.queryByTestId('line-dialog')).toBeNull());
    expect(fake.calls('review:removeDevice')).toEqual([{ deviceId: 2, reason: 'Box damaged' }]);
    await waitFor(() => expect(screen.getByTestId('review-row-3000000000002').dataset.state).toBe('removed'), { timeout: 2000 });
    await waitFor(() => expect(screen.getByTestId('review-live-count').textContent).toBe('2'));
    expect(screen.getByTestId('restore-3000000000002')).toBeTruthy();
  });

  it('fixes a serial but never offers to edit the PKID; a refusal stays in the dialog', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 1);
    fake.station.overrides.set('review:fixDevice', () => ({ ok: false, error: { code: 'CONFLICT', message: 'Serial PF1 is already on a live line in batch Dock-2.' } }));
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('fix-3000000000001'));
    expect(screen.getByTestId('line-dialog').textContent).toContain('remove the line and scan the box again');
    fireEvent.change(screen.getByTestId('fix-serial'), { target: { value: 'PF1' } });
    fireEvent.change(screen.getByTestId('line-reason'), { target: { value: 'Typo on the label' } });
    fireEvent.click(screen.getByTestId('line-confirm'));
    expect((await screen.findByTestId('line-error')).textContent).toContain('already on a live line');
    expect(fake.calls('review:fixDevice')[0]).toEqual({ deviceId: 1, serial: 'PF1', manufacturer: undefined, model: undefined, reason: 'Typo on the label' });
    fireEvent.keyDown(screen.getByTestId('line-dialog'), { key: 'Escape' });
    expect(screen.queryByTestId('line-dialog')).toBeNull();
  });

  it('attaches a hardware hash from a file in the Fix dialog, without a serial change', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 1);
    fake.station.overrides.set('review:attachHash', () => ok({ ...fake.devices[0], hasHardwareHash: true }));
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('fix-3000000000001'));
    const csv = new File(['Device Serial Number,Windows Product ID,Hardware Hash\r\nPF1,,QUJD\r\n'], 'AutopilotHWID.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('fix-hash-file'), { target: { files: [csv] } });
    await screen.findByText('File: AutopilotHWID.csv');
    fireEvent.change(screen.getByTestId('line-reason'), { target: { value: '813: register by hash' } });
    fireEvent.click(screen.getByTestId('line-confirm'));
    await waitFor(() => expect(screen.queryByTestId('line-dialog')).toBeNull());
    expect(fake.calls('review:attachHash')).toEqual([{ deviceId: 1, fileName: 'AutopilotHWID.csv', contentBase64: expect.any(String), reason: '813: register by hash' }]);
    expect(fake.calls('review:fixDevice')).toEqual([]);
  });

  it('closes an open batch; reopen is for leads; approved batches offer no corrections', async () => {
    const fake = new ReviewFake();
    fake.fill(2, 2);
    renderSignedIn(fake.api, <BatchesPage />);
    fireEvent.click(await screen.findByTestId('batch-open-Dock-2'));
    fireEvent.click(await screen.findByTestId('batch-close'));
    await waitFor(() => expect(screen.getByTestId('batch-state').dataset.state).toBe('closed'), { timeout: 2000 });
    expect(screen.getByTestId('batch-reopen')).toBeTruthy();
    expect(screen.getByTestId('approve-open')).toBeTruthy();
    fireEvent.click(screen.getByTestId('review-back'));
    fireEvent.click(await screen.findByTestId('batch-open-Old'));
    fake.devices.push(device(99, 3, { state: 'registered' }));
    await screen.findByTestId('review-row-3000000000099');
    expect(screen.queryByTestId('remove-3000000000099')).toBeNull();
    expect(screen.queryByTestId('approve-open')).toBeNull();
  });

  it('finds a box anywhere with Ctrl+F and opens its batch filtered to it', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 5);
    renderSignedIn(fake.api, <BatchesPage />);
    await screen.findByTestId('batch-row-PO-4711');
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByTestId('find-query'));
    fireEvent.change(screen.getByTestId('find-query'), { target: { value: '3000000000004' } });
    fireEvent.click(screen.getByTestId('find-submit'));
    const match = await screen.findByTestId('find-match-3000000000004');
    expect(match.textContent).toContain('PO-4711');
    fireEvent.click(within(match).getByRole('button', { name: 'Show in batch' }));
    await screen.findByTestId('batch-review');
    await waitFor(() => expect(fake.calls('review:devices').at(-1)).toMatchObject({ search: '3000000000004' }));
  });
});
