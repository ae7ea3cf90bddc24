import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { MAX_SCROLL_PX } from '../../../../../renderer/src/features/batches/fixed-rows';
import { ROW_HEIGHT } from '../../../../../renderer/src/features/batches/ReviewList';
import { device, fakeLayout, ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = fakeLayout()));
afterAll(() => restoreLayout());
afterEach(cleanup);

async function openReview(fake: ReviewFake): Promise<void> {
  renderSignedIn(fake.api, <BatchesPage />);
  fireEvent.click(await screen.findByTestId('batch-open-PO-4711'));
  await screen.findByTestId('batch-review');
}

describe('batch list', () => {
  it('shows batches by state with counts, ready for review first', async () => {
    const fake = new ReviewFake();
    renderSignedIn(fake.api, <BatchesPage />);
    const row = await screen.findByTestId('batch-row-PO-4711');
    expect(row.dataset.state).toBe('closed');
    expect(row.textContent).toContain('Ready for review');
    expect(screen.getByTestId('batch-count-closed').textContent).toBe('1');
    expect(screen.getByTestId('batch-count-open').textContent).toBe('1');
    const names = [...document.querySelectorAll('[data-testid^="batch-row-"]')].map((r) => r.getAttribute('data-testid'));
    expect(names).toEqual(['batch-row-PO-4711', 'batch-row-Dock-2', 'batch-row-Old']);
    fireEvent.click(screen.getByTestId('batch-filter-open'));
    expect(screen.queryByTestId('batch-row-PO-4711')).toBeNull();
    expect(screen.getByTestId('batch-row-Dock-2')).toBeTruthy();
  });

  it('an operator sees the list and the box finder, but no review', async () => {
    const fake = new ReviewFake('operator');
    renderSignedIn(fake.api, <BatchesPage />);
    await screen.findByTestId('batch-row-PO-4711');
    expect(screen.queryByTestId('batch-open-PO-4711')).toBeNull();
    expect(screen.getByTestId('find-query')).toBeTruthy();
  });
});

describe('review', () => {
  it('renders a window of a 10,000-line batch, fetched page by page, never all of it', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 10_000);
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe('10000'));
    await screen.findByTestId('review-row-3000000000001');
    expect(document.querySelectorAll('.review-slot').length).toBeLessThan(40);
    const pages = fake.calls('review:devices');
    expect(pages.length).toBe(1);
    expect(pages[0]).toMatchObject({ batchId: 1, state: 'all', after: 0 });
    expect(Number(pages[0]?.limit)).toBeLessThanOrEqual(1000);
  });

  it('a drag of the scrollbar to line 5,000 fetches that page by position, not the pages before it; filters stay', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 10_000);
    for (const d of fake.devices) if (d.id % 4 === 0) d.state = 'failed';
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe('10000'));
    await act(async () => {
      list.scrollTop = 4_999 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    await screen.findByTestId('review-row-3000000005000');
    const slot = screen.getByTestId('review-row-3000000005000').parentElement;
    expect(slot?.getAttribute('aria-rowindex')).toBe('5000');
    expect(slot?.style.transform).toBe(`translateY(${4_999 * ROW_HEIGHT}px)`);
    const byPosition = fake.calls('review:rows');
    expect(byPosition.length).toBeLessThanOrEqual(2);
    expect(byPosition.every((c) => Number(c.offset) >= 4_800)).toBe(true);
    expect(fake.calls('review:devices').length).toBe(1);
    // The same jump among the failed lines only: line 1,250 of the filtered list is PKID …5000.
    fireEvent.change(screen.getByTestId('review-filter-state'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getByTestId('review-list').dataset.count).toBe('2500'));
    const filtered = screen.getByTestId('review-list');
    await act(async () => {
      filtered.scrollTop = 1_249 * ROW_HEIGHT;
      fireEvent.scroll(filtered);
    });
    expect((await screen.findByTestId('review-row-3000000005000')).dataset.state).toBe('failed');
    expect(fake.calls('review:rows').at(-1)).toMatchObject({ state: 'failed', offset: 1_200 });
    expect(document.querySelectorAll('[data-state]:not([data-state="failed"]).review-row').length).toBe(0);
  });

  it('a million lines: the scroller stays within what a browser can lay out, and its end shows the last line', async () => {
    const fake = new ReviewFake();
    const MILLION = 1_000_000;
    const line = (i: number) => device(i + 1, 1);
    const rowsFrom = (offset: number, limit: number) => Array.from({ length: Math.max(0, Math.min(limit, MILLION - offset)) }, (_, i) => line(offset + i));
    const totals = { matching: MILLION, byState: { all: MILLION, live: MILLION, removed: 0, scanned: MILLION, queued: 0, sending: 0, registered: 0, failed: 0 }, byOperator: [], bySource: [] };
    fake.station.overrides.set('review:devices', (input) => ok({ rows: rowsFrom(0, Number(input.limit)), nextAfter: Number(input.limit), totals }));
    fake.station.overrides.set('review:rows', (input) => ok({ rows: rowsFrom(Number(input.offset), Number(input.limit)), offset: Number(input.offset) }));
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe(String(MILLION)));
    const inner = list.firstElementChild as HTMLElement;
    expect(parseFloat(inner.style.height)).toBeLessThanOrEqual(MAX_SCROLL_PX);
    await act(async () => {
      list.scrollTop = parseFloat(inner.style.height) - 600;
      fireEvent.scroll(list);
    });
    const last = await screen.findByTestId(`review-row-${3_000_000_000_000 + MILLION}`);
    expect(last.parentElement?.getAttribute('aria-rowindex')).toBe(String(MILLION));
    // Drawn at the bottom of the view: 600 px of view, rows of 76 px.
    expect(last.parentElement?.style.transform).toBe(`translateY(${parseFloat(inner.style.height) - ROW_HEIGHT}px)`);
    // The middle of the scrollbar is the middle of the batch.
    await act(async () => {
      list.scrollTop = (parseFloat(inner.style.height) - 600) / 2;
      fireEvent.scroll(list);
    });
    const shown = await waitFor(() => {
      const ids = [...list.querySelectorAll('[data-testid^="review-row-"]')].map((el) => Number(el.getAttribute('data-testid')?.slice(11)) - 3_000_000_000_000);
      expect(ids.length).toBeGreaterThan(0);
      return ids;
    });
    expect(Math.min(...shown)).toBeLessThan(500_000);
    expect(Math.max(...shown)).toBeGreaterThan(500_000);
    expect(fake.calls('review:rows').length).toBeLessThanOrEqual(4);
  });

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

describe('expected vs scanned', () => {
  it('imports a supplier list and shows matched / missing / unexpected, live on db:changed', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 2);
    fake.station.overrides.set('expected:import', () => ok({ ...fake.importPreview(), imported: 5, replaced: 0 }));
    await openReview(fake);
    fireEvent.click(screen.getByTestId('review-tab-expected'));
    await screen.findByTestId('expected-none');
    fake.reconciliation = {
      expected: 5, scanned: 2, matched: 2, missing: 3, unexpected: 0,
      missingLines: [1, 2, 3].map((i) => ({ id: i, line: i + 1, sourceFile: 'asn.csv', pkid: `390000000000${i}`, serial: null, manufacturer: null, model: null })),
      unexpectedDevices: [],
    };
    const file = new File(['PKID\n1\n'], 'asn.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('expected-file'), { target: { files: [file] } });
    // Previewed first (issue 19): nothing is imported until the lead says so.
    fireEvent.click(await screen.findByTestId('expected-commit'));
    await waitFor(() => expect(fake.calls('expected:import')).toHaveLength(1));
    expect(fake.calls('expected:import')[0]).toMatchObject({ batchId: 1, fileName: 'asn.csv', mode: 'replace', contentBase64: btoa('PKID\n1\n') });
    expect((await screen.findByTestId('expected-notice')).textContent).toContain('5 expected lines');
    act(() => fake.station.emit('db:changed', { tables: ['expected'] }));
    await waitFor(() => expect(screen.getByTestId('expected-missing-count').textContent).toBe('3'), { timeout: 2000 });
    expect(screen.getByTestId('expected-matched-count').textContent).toBe('2');
    expect(screen.getByTestId('expected-missing-3900000000002')).toBeTruthy();
  });
});

describe('import PKIDs', () => {
  it('previews (accepted count, refused lines with numbers and reasons), commits, and errors clear', async () => {
    const fake = new ReviewFake();
    let commits = 0;
    fake.station.overrides.set('import:preview', () =>
      ok(fake.importPreview({ sample: [{ line: 1, pkid: '3000000000101', serial: null, manufacturer: null, model: null, identity: { kind: 'pkid', label: 'PKID' } }, { line: 2, pkid: '', serial: 'PF3KQ2A1', manufacturer: null, model: null, identity: { kind: 'hash', label: 'Hardware hash' } }] })),
    );
    fake.station.overrides.set('import:commit', () => {
      commits += 1;
      if (commits === 1) return { ok: false, error: { code: 'CONFLICT', message: 'The file or the batch changed since the preview: preview the file again before importing.' } };
      return ok({ ...fake.importPreview(), imported: 3 });
    });
    await openReview(fake);
    fireEvent.click(screen.getByTestId('review-tab-import'));
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['x'], 'pkids.csv')] } });
    expect((await screen.findByTestId('import-accepted')).dataset.count).toBe('3');
    expect(screen.getByTestId('import-refused-count').dataset.count).toBe('1');
    expect(screen.getByTestId('import-refused-3').textContent).toContain('This is not a PKID');
    // The preview says which lines carry a hardware hash (they are sent by it).
    expect(screen.getByTestId('import-sample-hash-1').textContent).toBe('—');
    expect(screen.getByTestId('import-sample-hash-2').textContent).toBe('Included: sent by its hash');
    fireEvent.click(screen.getByTestId('import-commit'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('preview the file again');
    fireEvent.click(screen.getByTestId('import-commit'));
    expect((await screen.findByTestId('import-done')).textContent).toContain('Imported 3 devices');
    expect(screen.queryByTestId('import-error')).toBeNull();
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(fake.calls('import:commit')[1]).toMatchObject({ batchId: 1, fileName: 'pkids.csv', token: 'a'.repeat(64) });
  });
});

describe('export', () => {
  it('saves the Partner Center CSV as a download', async () => {
    const fake = new ReviewFake();
    fake.station.overrides.set('export:batch', () => ok({ fileName: 'PO-4711.csv', csv: 'Device Serial Number\n', rows: 198 }));
    const made: Blob[] = [];
    const clicked: string[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (made.push(b), 'blob:test');
    URL.revokeObjectURL = () => undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      await openReview(fake);
      fireEvent.click(screen.getByTestId('export-partner-center'));
      expect((await screen.findByTestId('export-status')).textContent).toContain('PO-4711.csv saved');
      expect(clicked).toEqual(['PO-4711.csv']);
      expect(await made[0]?.text()).toBe('Device Serial Number\n');
      expect(fake.calls('export:batch')[0]).toEqual({ batchId: 1, format: 'partner-center' });
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
  });
});

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

describe('identities on the review desk', () => {
  const ELITEBOOK = 'HP EliteBook 840 14 inch G10 Notebook PC';

  it('each row says which identity will be sent, and warns about a row that has none', async () => {
    const fake = new ReviewFake();
    fake.devices = [
      device(1, 1),
      device(2, 1, { pkid: null, serial: '5CG4210XYZ', manufacturer: 'HP', model: ELITEBOOK }),
      device(3, 1, { pkid: null, serial: 'PF1ABCDE' }),
    ];
    await openReview(fake);
    const pkidRow = await screen.findByTestId('review-row-3000000000001');
    expect(within(pkidRow).getByTestId('identity').dataset.kind).toBe('pkid');
    const tupleRow = screen.getByTestId('review-row-serial-5CG4210XYZ');
    expect(within(tupleRow).getByTestId('identity').dataset.kind).toBe('tuple');
    expect(within(tupleRow).getByTestId('identity').textContent).toContain(`HP · ${ELITEBOOK}`);
    const missing = within(screen.getByTestId('review-row-serial-PF1ABCDE')).getByTestId('identity');
    expect(missing.dataset.kind).toBe('none');
    expect(missing.textContent).toContain('needs its manufacturer and model');
  });

  it('a row sent by its hardware hash says so', async () => {
    const fake = new ReviewFake();
    fake.devices = [device(1, 1, { pkid: null, serial: 'PF4HASH01', hasHardwareHash: true })];
    await openReview(fake);
    const badge = within(await screen.findByTestId('review-row-serial-PF4HASH01')).getByTestId('identity');
    expect(badge.dataset.kind).toBe('hash');
    expect(badge.textContent).toContain('Hash');
    expect(badge.textContent).toContain('Hardware hash (5,000 characters) + serial PF4HASH01');
  });

  it('the approval dialog names the lines Partner Center could not identify, and approval stays shut', async () => {
    const fake = new ReviewFake();
    fake.noIdentity = {
      count: 10,
      devices: Array.from({ length: 10 }, (_, i) => ({ deviceId: i + 1, problem: `Serial PF1ABC0${i} has no PKID or hardware hash, so it needs its model exactly as the firmware reports them.` })),
    };
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    const check = await screen.findByTestId('approve-identity');
    expect(check.dataset.count).toBe('10');
    expect(check.textContent).toContain('10 devices Partner Center cannot identify: fix or remove them first');
    const listed = within(check).getAllByRole('listitem').map((li) => li.textContent);
    expect(listed.slice(0, 8)).toEqual(fake.noIdentity.devices.slice(0, 8).map((d) => d.problem));
    expect(listed.at(-1)).toBe('… and 2 more');
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    await screen.findByTestId('approve-summary');
    expect((screen.getByTestId('approve-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('approve-blocker').textContent).toContain('cannot identify');
  });

  it('the approval dialog says when every device has an identity', async () => {
    const fake = new ReviewFake();
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('approve-open'));
    const check = await screen.findByTestId('approve-identity');
    expect(check.dataset.count).toBe('0');
    expect(check.textContent).toBe('Every device has a PKID, a hardware hash or a serial + manufacturer + model');
  });

  it('the line dialog fixes make and model with the picker: case warning, listed spelling, model from the list', async () => {
    const fake = new ReviewFake();
    fake.devices = [device(1, 1, { pkid: null, serial: '5CG4210XYZ', manufacturer: 'Hp', model: null })];
    await openReview(fake);
    fireEvent.click(await screen.findByTestId('fix-serial-5CG4210XYZ'));
    const dialog = screen.getByTestId('line-dialog');
    expect(within(dialog).getByTestId('line-identity').textContent).toContain('needs its model');
    await waitFor(() => expect(within(dialog).getByTestId('fix-make-warning').dataset.kind).toBe('case'));
    fireEvent.click(within(dialog).getByTestId('fix-make-warning-use'));
    expect(within(dialog).getByTestId<HTMLInputElement>('fix-make').value).toBe('HP');
    const model = within(dialog).getByTestId<HTMLInputElement>('fix-model');
    act(() => model.focus());
    await waitFor(() => expect(within(dialog).getAllByTestId('fix-model-option').map((o) => o.dataset.value)).toEqual([ELITEBOOK]));
    fireEvent.keyDown(model, { key: 'ArrowDown' });
    fireEvent.keyDown(model, { key: 'Enter' });
    expect(model.value).toBe(ELITEBOOK);
    expect(screen.getByTestId('line-dialog')).toBeTruthy(); // Enter chose; it did not submit
    // The badge already shows what the line will be sent as once saved.
    expect(within(dialog).getByTestId('identity').dataset.kind).toBe('tuple');
    expect(within(dialog).getByTestId('identity').textContent).toContain(`Serial 5CG4210XYZ · HP · ${ELITEBOOK}`);
    expect(document.activeElement).toBe(screen.getByTestId('line-reason'));
    fireEvent.change(screen.getByTestId('line-reason'), { target: { value: 'Model from the BIOS' } });
    fireEvent.click(screen.getByTestId('line-confirm'));
    await waitFor(() => expect(screen.queryByTestId('line-dialog')).toBeNull());
    expect(fake.calls('review:fixDevice')).toEqual([{ deviceId: 1, serial: undefined, manufacturer: 'HP', model: ELITEBOOK, reason: 'Model from the BIOS' }]);
  });
});
