// The Batches page. Which identity each line will be sent with, on the desk and in the dialogs.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openReview, withFakeLayout } from './batches-page-setup';
import { device, ReviewFake } from './review-fake';

withFakeLayout();

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
