// The tuple picker on the Scan page: a serial without a PKID, recorded with a manufacturer and model
// chosen by keyboard, or a model barcode read by the wedge.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanPage } from '../../../../../renderer/src/features/scan/ScanPage';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { press, scan, ScanFake } from './scan-fake';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const HP_SERIAL = '5CG4210XYZ'; // the HP pattern names the maker
const OTHER_SERIAL = 'PF1ABCDE'; // the generic pattern does not
const ELITEBOOK = 'HP EliteBook 840 14 inch G10 Notebook PC';
const PROBOOK = 'HP ProBook 450 15.6 inch G10 Notebook PC';
const PKID = '3905012345678';

async function scanning(): Promise<ScanFake> {
  const fake = new ScanFake();
  fake.addBatch('Pallet 7');
  fake.install();
  render(
    <AppProvider api={fake.api}>
      <ScanPage />
    </AppProvider>,
  );
  fireEvent.click(await screen.findByTestId('batch-option-Pallet 7'));
  await screen.findByTestId('scan-view');
  return fake;
}

async function openPicker(serial: string): Promise<HTMLElement> {
  act(() => scan(serial));
  await screen.findByTestId('waiting-serial');
  act(() => press('F2'));
  return screen.findByTestId('tuple-picker');
}

const input = (id: 'tuple-make' | 'tuple-model'): HTMLInputElement => screen.getByTestId<HTMLInputElement>(id);
const options = (id: 'tuple-make' | 'tuple-model'): HTMLElement[] => within(screen.getByTestId(`${id}-list`)).getAllByTestId(`${id}-option`);
const verdict = (): HTMLElement => screen.getByTestId('scan-verdict');

describe('tuple picker on the scan page', () => {
  it('F2 with no serial waiting says what to do first', async () => {
    await scanning();
    act(() => press('F2'));
    expect(screen.getByTestId('scan-blocked').textContent).toContain('Scan the serial of the box first');
    expect(screen.queryByTestId('tuple-picker')).toBeNull();
  });

  it('prefills the maker from the serial, lists recent models first, filters as you type, Enter chooses and Enter records', async () => {
    const fake = await scanning();
    const picker = await openPicker(HP_SERIAL);
    expect(within(picker).getByTestId('tuple-serial').textContent).toBe(HP_SERIAL);
    expect(within(picker).getByTestId('tuple-rule').textContent).toContain('Case and spelling must match the firmware exactly');
    expect(input('tuple-make').value).toBe('HP');
    expect(document.activeElement).toBe(input('tuple-model'));
    await waitFor(() => expect(options('tuple-model').map((o) => o.dataset.value)).toEqual([PROBOOK, ELITEBOOK]));
    expect(options('tuple-model').map((o) => o.dataset.from)).toEqual(['recent', 'catalog']);

    fireEvent.change(input('tuple-model'), { target: { value: 'elite' } });
    expect(options('tuple-model').map((o) => o.dataset.value)).toEqual([ELITEBOOK]);
    fireEvent.keyDown(input('tuple-model'), { key: 'Enter' });
    expect(input('tuple-model').value).toBe(ELITEBOOK);
    expect(screen.queryByTestId('tuple-model-warning')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('tuple-confirm'));
    fireEvent.click(screen.getByTestId('tuple-confirm'));

    await waitFor(() => expect(verdict().dataset.verdict).toBe('accepted'));
    expect(fake.tupleCalls()).toEqual([{ batchId: 1, raw: HP_SERIAL, source: 'wedge', manufacturer: 'HP', model: ELITEBOOK }]);
    expect(screen.getByTestId('scan-verdict-message').textContent).toContain('no PKID');
    expect(screen.queryByTestId('tuple-picker')).toBeNull();
    expect(screen.queryByTestId('waiting-serial')).toBeNull();
    const top = screen.getAllByTestId('recent-scan')[0]!;
    expect(within(top).getByTestId('identity').dataset.kind).toBe('tuple');
    expect(within(top).getByTestId('identity').textContent).toContain(`Serial ${HP_SERIAL} · HP · ${ELITEBOOK}`);
    expect(top.textContent?.match(new RegExp(ELITEBOOK, 'g'))).toHaveLength(1); // the badge says it; no second copy
    expect(document.activeElement).toBe(screen.getByTestId('scan-view'));
  });

  it('arrows move through the list; a chosen maker moves on to its models, with their descriptions', async () => {
    await scanning();
    await openPicker(OTHER_SERIAL);
    expect(input('tuple-make').value).toBe('');
    expect(document.activeElement).toBe(input('tuple-make'));
    // The choices come from the core a moment after the picker opens (slower on a busy machine).
    await waitFor(() => expect(options('tuple-make').map((o) => o.dataset.value)).toEqual(['HP', 'Dell Inc.', 'LENOVO']));
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowDown' });
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowDown' });
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowDown' });
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowDown' }); // stays on the last
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowUp' });
    expect(options('tuple-make').map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(input('tuple-make').getAttribute('aria-activedescendant')).toBe(options('tuple-make')[1]!.id);
    fireEvent.keyDown(input('tuple-make'), { key: 'ArrowDown' });
    fireEvent.keyDown(input('tuple-make'), { key: 'Enter' });
    expect(input('tuple-make').value).toBe('LENOVO');
    expect(document.activeElement).toBe(input('tuple-model'));
    await waitFor(() => expect(options('tuple-model').map((o) => o.dataset.value)).toEqual(['21HD0012US', '20XW0012US']));
    expect(options('tuple-model')[1]!.textContent).toContain('ThinkPad X1 Carbon Gen 9');
  });

  it('Escape cancels: nothing recorded, the serial still waits, the scanner keys work again', async () => {
    const fake = await scanning();
    await openPicker(OTHER_SERIAL);
    fireEvent.change(input('tuple-make'), { target: { value: 'Dell' } });
    fireEvent.keyDown(input('tuple-make'), { key: 'Escape' });
    expect(screen.queryByTestId('tuple-picker')).toBeNull();
    expect(fake.tupleCalls()).toEqual([]);
    expect(screen.getByTestId('waiting-serial').textContent).toContain(OTHER_SERIAL);
    expect(document.activeElement).toBe(screen.getByTestId('scan-view'));
    act(() => press('F2'));
    expect(await screen.findByTestId('tuple-picker')).toBeTruthy();
  });

  it('Tab and Shift+Tab go round the picker, never to the scan page behind it', async () => {
    await scanning();
    await openPicker(HP_SERIAL);
    const cancel = screen.getByTestId('tuple-cancel');
    act(() => cancel.focus());
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(input('tuple-make'));
    fireEvent.keyDown(input('tuple-make'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
    expect(screen.getByTestId('tuple-picker').getAttribute('aria-modal')).toBe('true');
  });

  it('Escape cancels even when focus has left the picker', async () => {
    const fake = await scanning();
    await openPicker(HP_SERIAL);
    act(() => input('tuple-model').blur());
    expect(document.activeElement).toBe(document.body);
    act(() => press('Escape'));
    expect(screen.queryByTestId('tuple-picker')).toBeNull();
    expect(fake.tupleCalls()).toEqual([]);
    expect(document.activeElement).toBe(screen.getByTestId('scan-view'));
  });

  it('closes when another serial takes the waiting place, so the choice never goes to the wrong box', async () => {
    const fake = await scanning();
    act(() => scan(HP_SERIAL));
    await screen.findByTestId('waiting-serial');
    fake.hold = true;
    act(() => scan(OTHER_SERIAL)); // read before F2, answered after it
    act(() => press('F2'));
    expect(within(await screen.findByTestId('tuple-picker')).getByTestId('tuple-serial').textContent).toBe(HP_SERIAL);
    act(() => fake.release());
    await waitFor(() => expect(screen.queryByTestId('tuple-picker')).toBeNull());
    expect(screen.getByTestId('waiting-serial').textContent).toContain(OTHER_SERIAL);
    expect(document.activeElement).toBe(screen.getByTestId('scan-view'));
    expect(fake.tupleCalls()).toEqual([]);
    act(() => press('F2'));
    expect(within(await screen.findByTestId('tuple-picker')).getByTestId('tuple-serial').textContent).toBe(OTHER_SERIAL);
  });

  it('warns in amber when a value differs only by case from the list, and offers the listed spelling', async () => {
    await scanning();
    await openPicker(OTHER_SERIAL);
    await waitFor(() => expect(options('tuple-make')).toHaveLength(3));
    fireEvent.change(input('tuple-make'), { target: { value: 'lenovo' } });
    // While the list shows what matches the typing, the warning waits; it comes when the field is left.
    expect(options('tuple-make').map((o) => o.dataset.value)).toEqual(['LENOVO']);
    expect(screen.queryByTestId('tuple-make-warning')).toBeNull();
    fireEvent.keyDown(input('tuple-make'), { key: 'Tab' });
    const warning = screen.getByTestId('tuple-make-warning');
    expect(warning.dataset.kind).toBe('case');
    expect(warning.textContent).toContain('LENOVO');
    fireEvent.click(screen.getByTestId('tuple-make-warning-use'));
    expect(input('tuple-make').value).toBe('LENOVO');
    expect(screen.queryByTestId('tuple-make-warning')).toBeNull();

    fireEvent.change(input('tuple-model'), { target: { value: 'X1 Carbon' } });
    await waitFor(() => expect(options('tuple-model').map((o) => o.dataset.value)).toEqual(['20XW0012US']));
    fireEvent.keyDown(input('tuple-model'), { key: 'Tab' });
    expect(screen.getByTestId('tuple-model-warning').dataset.kind).toBe('unlisted');
    expect(screen.getByTestId('tuple-model-warning').textContent).toContain('letter by letter against the firmware');
  });

  it('says what is missing instead of sending an empty model', async () => {
    const fake = await scanning();
    await openPicker(HP_SERIAL);
    fireEvent.click(screen.getByTestId('tuple-confirm'));
    expect(screen.getByTestId('tuple-problem').textContent).toBe('Choose the model first.');
    expect(document.activeElement).toBe(input('tuple-model'));
    expect(fake.tupleCalls()).toEqual([]);
  });

  it('a wedge read while the picker is open fills the model; a PKID read closes it and is recorded as usual', async () => {
    const fake = await scanning();
    await openPicker(OTHER_SERIAL);
    fireEvent.change(input('tuple-make'), { target: { value: 'LENOVO' } });
    act(() => scan('20XW0012US'));
    await waitFor(() => expect(input('tuple-model').value).toBe('20XW0012US'));
    expect(document.activeElement).toBe(screen.getByTestId('tuple-confirm'));
    expect(fake.recordCalls()).toEqual([{ batchId: 1, raw: OTHER_SERIAL, source: 'wedge' }]);

    act(() => scan(PKID));
    await waitFor(() => expect(screen.queryByTestId('tuple-picker')).toBeNull());
    await waitFor(() => expect(verdict().dataset.verdict).toBe('accepted'));
    expect(fake.recordCalls().at(-1)).toMatchObject({ raw: PKID });
    expect(fake.tupleCalls()).toEqual([]);
    const top = screen.getAllByTestId('recent-scan')[0]!;
    expect(top.dataset.pkid).toBe(PKID);
    expect(top.dataset.serial).toBe(OTHER_SERIAL);
  });

  it('the button opens the picker too', async () => {
    await scanning();
    act(() => scan(HP_SERIAL));
    fireEvent.click(await screen.findByTestId('no-pkid'));
    expect(await screen.findByTestId('tuple-picker')).toBeTruthy();
    expect(screen.queryByTestId('waiting-serial')).toBeNull();
  });
});

describe('tuple picker in Spanish', () => {
  it('asks for the box in Spanish and says what is missing there', async () => {
    setLanguage('es');
    const fake = await scanning();
    const picker = await openPicker(OTHER_SERIAL);
    expect(within(picker).getByRole('heading').textContent).toBe(`Sin PKID: número de serie ${OTHER_SERIAL}`);
    expect(within(picker).getByTestId('tuple-serial').textContent).toBe(OTHER_SERIAL);
    expect(screen.getByTestId('tuple-confirm').textContent).toBe('Registrar caja Intro');
    fireEvent.click(screen.getByTestId('tuple-confirm'));
    expect(screen.getByTestId('tuple-problem').textContent).toBe('Elija primero el fabricante y el modelo.');
    expect(fake.tupleCalls()).toEqual([]);
  });
});
