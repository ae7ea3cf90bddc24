// The Batches page. The supplier list, importing PKIDs, and the Partner Center CSV.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openReview, withFakeLayout } from './batches-page-setup';
import { ok, ReviewFake } from './review-fake';

withFakeLayout();

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
      fireEvent.click(await screen.findByTestId('export-partner-center'));
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
