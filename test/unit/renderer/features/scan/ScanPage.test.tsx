import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanPage } from '../../../../../renderer/src/features/scan/ScanPage';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { press, scan, ScanFake } from './scan-fake';

afterEach(cleanup);

const PKID = '3905012345678'; // fails the EAN-13 check: a plain PKID
const EAN_LIKE = '4006381333931'; // passes it: the operator is asked

function renderScan(fake = new ScanFake()): ScanFake {
  fake.install();
  render(
    <AppProvider api={fake.api}>
      <ScanPage />
    </AppProvider>,
  );
  return fake;
}

async function scanning(fake = new ScanFake()): Promise<ScanFake> {
  if (fake.batches.length === 0) fake.addBatch('Pallet 7', 2);
  renderScan(fake);
  fireEvent.click(await screen.findByTestId(`batch-option-${fake.batches[0]?.name ?? ''}`));
  await screen.findByTestId('scan-view');
  return fake;
}

const verdict = (): HTMLElement => screen.getByTestId('scan-verdict');
const count = (): string => screen.getByTestId('batch-count').textContent ?? '';

describe('batch picker', () => {
  it('lists open batches with their counts; arrow keys move between them', async () => {
    const fake = new ScanFake();
    fake.addBatch('Pallet 7', 2);
    fake.addBatch('Pallet 8', 1);
    fake.batches[1]!.state = 'closed';
    fake.addBatch('Dock B', 0);
    renderScan(fake);
    const first = await screen.findByTestId('batch-option-Pallet 7');
    expect(first.textContent).toContain('2 boxes');
    expect(screen.queryByTestId('batch-option-Pallet 8')).toBeNull();
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('batch-option-Dock B'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(first);
  });

  it('checks the new name live and starts the batch', async () => {
    const fake = renderScan();
    const name = await screen.findByTestId('new-batch-name');
    await waitFor(() => expect(document.activeElement).toBe(name)); // no batch open: the name field has focus
    fireEvent.change(name, { target: { value: 'Pallet #1' } });
    expect(screen.getByTestId('new-batch-rule').textContent).toContain('letters, digits, spaces, dots, dashes and underscores only');
    // Enter on a broken name: the rule line already says why; it is not said a second time.
    fireEvent.click(screen.getByTestId('new-batch-submit'));
    expect(screen.queryByTestId('new-batch-error')).toBeNull();
    expect(screen.getAllByText(/dashes and underscores only/)).toHaveLength(1);
    fireEvent.change(name, { target: { value: 'Pallet 1' } });
    expect(screen.getByTestId('new-batch-rule').textContent).toContain('56 left');
    fireEvent.click(screen.getByTestId('new-batch-submit'));
    expect((await screen.findByTestId('scan-batch-name')).textContent).toBe('Pallet 1');
    expect(count()).toBe('0');
    expect(fake.batches).toHaveLength(1);
  });

  it("shows the core's refusal of a name", async () => {
    const fake = new ScanFake();
    fake.addBatch('Pallet 1');
    renderScan(fake);
    fireEvent.change(await screen.findByTestId('new-batch-name'), { target: { value: 'pallet 1' } });
    fireEvent.click(screen.getByTestId('new-batch-submit'));
    expect((await screen.findByTestId('new-batch-error')).textContent).toBe('A batch called pallet 1 already exists.');
  });

  it('answers a scan made before a batch is chosen, and records nothing', async () => {
    const fake = new ScanFake();
    fake.addBatch('Pallet 7');
    renderScan(fake);
    await screen.findByTestId('batch-option-Pallet 7');
    act(() => scan(PKID));
    expect(screen.getByTestId('scan-notice').textContent).toContain('choose or start a batch first');
    expect(fake.recordCalls()).toEqual([]);
  });
});

describe('scanning view', () => {
  it('shows the batch, its count and its recent boxes', async () => {
    await scanning();
    expect(screen.getByTestId('scan-batch-name').textContent).toBe('Pallet 7');
    expect(count()).toBe('2');
    expect(verdict().dataset.verdict).toBe('idle');
    await waitFor(() => expect(screen.getAllByTestId('recent-scan')).toHaveLength(2));
  });

  it('accepted, duplicate and invalid: colour, message, count', async () => {
    const fake = await scanning();
    act(() => scan(PKID));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('accepted'));
    expect(screen.getByTestId('scan-verdict-message').textContent).toBe(`PKID ${PKID} accepted.`);
    expect(count()).toBe('3');
    expect(fake.recordCalls()[0]).toMatchObject({ raw: PKID, source: 'wedge' });

    act(() => scan(PKID));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('duplicate'));
    expect(verdict().className).toContain('verdict-duplicate');
    expect(count()).toBe('3');

    act(() => scan('123456789013'));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('invalid'));
    expect(screen.getByTestId('scan-verdict-message').textContent).toContain('12 digits');
    const kinds = screen.getAllByTestId('recent-scan').map((li) => li.dataset.verdict);
    expect(kinds.slice(0, 3)).toEqual(['invalid', 'duplicate', 'accepted']);
  });

  it('asks about an EAN-valid 13-digit read: Enter keeps it, Esc drops it', async () => {
    const fake = await scanning();
    act(() => scan(EAN_LIKE));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('confirm'));
    expect(screen.getByTestId('confirm-keep')).toBeTruthy();
    act(() => press('Enter'));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('accepted'));
    expect(fake.recordCalls().at(-1)).toMatchObject({ raw: EAN_LIKE, confirmPkid: true });
    expect(count()).toBe('3');

    act(() => scan('5901234123457'));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('confirm'));
    act(() => press('Escape'));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('dropped'));
    expect(fake.recordCalls()).toHaveLength(3);
    expect(count()).toBe('3');
  });

  it('queues a scan that arrives while the previous one is in flight, and sends both in order', async () => {
    const fake = await scanning();
    fake.hold = true;
    act(() => scan(PKID));
    act(() => scan('3905012345685'));
    await waitFor(() => expect(fake.recordCalls()).toHaveLength(1));
    expect(screen.getByTestId('scan-hint').textContent).toBe(`Checking PKID ${PKID}…`);
    expect(screen.getByTestId('scan-queued').textContent).toBe('2 scans waiting');
    expect(verdict().dataset.verdict).toBe('idle'); // the hint is not a verdict
    fake.hold = false;
    act(() => fake.release());
    await waitFor(() => expect(count()).toBe('4'));
    expect(fake.recordCalls().map((c) => c.raw)).toEqual([PKID, '3905012345685']);
  });

  it('shows a serial waiting for its PKID until the PKID comes', async () => {
    await scanning();
    act(() => scan('9ZB4K73'));
    expect((await screen.findByTestId('waiting-serial')).textContent).toContain('9ZB4K73 waiting for its PKID');
    act(() => scan(PKID));
    await waitFor(() => expect(screen.queryByTestId('waiting-serial')).toBeNull());
    const top = screen.getAllByTestId('recent-scan')[0]!;
    expect(top.dataset.pkid).toBe(PKID);
    expect(top.dataset.serial).toBe('9ZB4K73');
  });

  it('Ctrl+Z and the button undo the last scan with the core message', async () => {
    await scanning();
    act(() => scan(PKID));
    await waitFor(() => expect(count()).toBe('3'));
    act(() => press('z', { ctrlKey: true, code: 'KeyZ' }));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('undo'));
    expect(screen.getByTestId('scan-verdict-message').textContent).toBe(`Removed PKID ${PKID}.`);
    expect(count()).toBe('2');
    expect(screen.getAllByTestId('recent-scan')[0]!.dataset.undone).toBe('true');
    fireEvent.click(screen.getByTestId('undo-scan'));
    await waitFor(() => expect(count()).toBe('1'));
  });

  it('finishes the batch after a confirm step (Esc cancels), back to the picker', async () => {
    const fake = await scanning();
    act(() => press('f', { altKey: true, code: 'KeyF' }));
    expect(document.activeElement).toBe(screen.getByTestId('close-batch-confirm'));
    fireEvent.keyDown(screen.getByTestId('close-batch-dialog'), { key: 'Escape' });
    expect(screen.queryByTestId('close-batch-dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('close-batch'));
    fireEvent.click(screen.getByTestId('close-batch-confirm'));
    expect((await screen.findByTestId('scan-notice')).textContent).toBe('Batch Pallet 7 is ready for review, with 2 boxes.');
    expect(fake.batches[0]?.state).toBe('closed');
  });

  it('Alt+B switches batch; not while a PKID question is open', async () => {
    await scanning();
    act(() => scan(EAN_LIKE));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('confirm'));
    act(() => press('b', { altKey: true, code: 'KeyB' }));
    expect(screen.getByTestId('scan-blocked').textContent).toContain('Answer the PKID question first');
    act(() => press('Escape'));
    act(() => press('b', { altKey: true, code: 'KeyB' }));
    expect(await screen.findByTestId('batch-picker')).toBeTruthy();
  });

  it('explains a camera that cannot start, and turns off with Alt+C', async () => {
    await scanning();
    act(() => press('c', { altKey: true, code: 'KeyC' }));
    const error = await screen.findByTestId('camera-error');
    expect(error.dataset.kind).toBe('other');
    expect(error.textContent).toContain('Try again');
    act(() => press('c', { altKey: true, code: 'KeyC' }));
    expect(screen.queryByTestId('camera-panel')).toBeNull();
  });
});

describe('a PKID typed by hand', () => {
  it('is recorded from the manual-entry field as typed (source manual), and Enter there answers no scan question', async () => {
    const fake = await scanning();
    const input = screen.getByTestId('manual-input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: ` ${PKID} ` } });
    fireEvent.submit(screen.getByTestId('manual-entry'));
    await waitFor(() => expect(verdict().dataset.verdict).toBe('accepted'));
    expect(fake.recordCalls().at(-1)).toMatchObject({ raw: PKID, source: 'manual' });
    expect(input.value).toBe('');
    expect(count()).toBe('3');
    expect(screen.getAllByTestId('recent-scan')[0]?.textContent).toContain('typed');
  });

  it('typed slowly where scans go: says it was not recorded and where to type it, instead of nothing', async () => {
    const fake = await scanning();
    act(() => scan(PKID, 180));
    expect((await screen.findByTestId('manual-hint')).textContent).toContain(`${PKID} was not recorded`);
    const input = screen.getByTestId('manual-input') as HTMLInputElement;
    // What was typed is in the field, to check and send; the Enter that ended the typing sent nothing.
    expect(input.value).toBe(PKID);
    expect(document.activeElement).not.toBe(input);
    act(() => press('Enter'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.recordCalls()).toEqual([]);
  });
});
