import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExpectedPanel } from '../../../../../renderer/src/features/batches/ExpectedPanel';
import { ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

afterEach(cleanup);

async function pick(name = 'asn.csv'): Promise<void> {
  fireEvent.change(await screen.findByTestId('expected-file'), { target: { files: [new File(['PKID\n1\n'], name, { type: 'text/csv' })] } });
}

describe("supplier's list: preview before import", () => {
  it('shows what the file would do and writes nothing until the lead imports it', async () => {
    const fake = new ReviewFake();
    fake.station.overrides.set('expected:preview', () => ok(fake.expectedPreview({ replaces: 12 })));
    fake.station.overrides.set('expected:import', () => ok({ ...fake.expectedPreview(), imported: 5, replaced: 12 }));
    renderSignedIn(fake.api, <ExpectedPanel batchId={1} canImport />);
    await pick();
    const preview = await screen.findByTestId('expected-preview');
    expect(preview.textContent).toContain('5 lines to expect, replacing the 12 expected lines there now');
    expect(screen.getByTestId('expected-sample').textContent).toContain('3900000000001');
    expect(fake.calls('expected:import')).toHaveLength(0);
    expect(fake.calls('expected:preview')[0]).toMatchObject({ batchId: 1, fileName: 'asn.csv', mode: 'replace' });
    fireEvent.click(screen.getByTestId('expected-commit'));
    await waitFor(() => expect(fake.calls('expected:import')).toHaveLength(1));
    expect(fake.calls('expected:import')[0]).toMatchObject({ batchId: 1, mode: 'replace', token: 'b'.repeat(64) });
    expect((await screen.findByTestId('expected-notice')).textContent).toBe('asn.csv: 5 expected lines read, replacing 12 (1 line refused, left out).');
    expect(screen.queryByTestId('expected-preview')).toBeNull();
  });

  it('shows refused lines in the error colour, never in the green notice', async () => {
    const fake = new ReviewFake();
    renderSignedIn(fake.api, <ExpectedPanel batchId={1} canImport />);
    await pick();
    const refused = await screen.findByTestId('expected-preview-refused');
    expect(refused.className).toContain('message-error');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('expected-refused-4').textContent).toBe('line 4: This is not a PKID: 12345.');
    expect(screen.queryByTestId('expected-notice')).toBeNull();
  });

  it('previews again when the mode changes, and Cancel leaves the list as it was', async () => {
    const fake = new ReviewFake();
    renderSignedIn(fake.api, <ExpectedPanel batchId={1} canImport />);
    await pick();
    await screen.findByTestId('expected-preview');
    fireEvent.change(screen.getByTestId('expected-mode'), { target: { value: 'append' } });
    await waitFor(() => expect(fake.calls('expected:preview')).toHaveLength(2));
    expect(fake.calls('expected:preview')[1]).toMatchObject({ mode: 'append' });
    expect((await screen.findByTestId('expected-commit')).textContent).toBe('Add 5 expected lines');
    fireEvent.click(screen.getByTestId('expected-cancel'));
    expect(screen.queryByTestId('expected-preview')).toBeNull();
    expect(fake.calls('expected:import')).toHaveLength(0);
  });
});
