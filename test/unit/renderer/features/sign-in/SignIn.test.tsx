// The sign-in flow through the whole app, over the in-memory fake transport.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStation } from '../../helpers/fake-transport';
import { renderApp } from '../../helpers/render-app';

afterEach(cleanup);

function stationWithPeople(): FakeStation {
  const station = new FakeStation();
  station.addOperator('Ada', 'admin', '246813');
  station.addOperator('Bea', 'lead', '975318');
  station.addOperator('Bo', 'operator', '864209');
  return station;
}

function typeKeys(keys: string): void {
  for (const key of keys) fireEvent.keyDown(window, { key });
}

describe('sign-in', () => {
  it('shows a big button per active operator, the first one focused', async () => {
    const station = stationWithPeople();
    station.addOperator('Gone', 'operator', '192837', { active: false });
    renderApp(station);
    await screen.findByTestId('sign-in');
    const ada = await screen.findByTestId('operator-Ada');
    expect(document.activeElement).toBe(ada);
    expect(screen.queryByTestId('operator-Gone')).toBeNull();
    expect(ada.textContent).toContain('Station admin');
  });

  it('arrow keys move between names and typing first letters jumps to a name', async () => {
    renderApp(stationWithPeople());
    const ada = await screen.findByTestId('operator-Ada');
    fireEvent.keyDown(ada, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('operator-Bea'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(ada);
    const clock = vi.spyOn(Date, 'now').mockReturnValue(1000);
    fireEvent.keyDown(ada, { key: 'b' });
    expect(document.activeElement).toBe(screen.getByTestId('operator-Bea'));
    clock.mockReturnValue(1200);
    fireEvent.keyDown(document.activeElement!, { key: 'o' });
    expect(document.activeElement).toBe(screen.getByTestId('operator-Bo'));
    clock.mockReturnValue(5000); // a pause starts a new search
    fireEvent.keyDown(document.activeElement!, { key: 'a' });
    expect(document.activeElement).toBe(ada);
    clock.mockRestore();
  });

  it('signs in with the keypad buttons and shows the shell', async () => {
    renderApp(stationWithPeople());
    fireEvent.click(await screen.findByTestId('operator-Ada'));
    for (const d of '246813') fireEvent.click(screen.getByTestId(`keypad-${d}`));
    expect(screen.getByTestId('pin-display').getAttribute('data-length')).toBe('6');
    fireEvent.click(screen.getByTestId('keypad-enter'));
    const badge = await screen.findByTestId('operator-badge');
    expect(badge.textContent).toContain('Ada');
    expect(badge.textContent).toContain('Station admin');
  });

  it('signs in with physical keys, Backspace fixing a typo', async () => {
    renderApp(stationWithPeople());
    fireEvent.click(await screen.findByTestId('operator-Bo'));
    typeKeys('8642');
    fireEvent.keyDown(window, { key: 'Backspace' });
    typeKeys('209');
    expect(screen.getByTestId('pin-display').getAttribute('data-length')).toBe('6');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect((await screen.findByTestId('operator-badge')).textContent).toContain('Operator');
  });

  it('shows the tries left after a wrong PIN, then the lock-out with the time', async () => {
    renderApp(stationWithPeople());
    fireEvent.click(await screen.findByTestId('operator-Bo'));
    typeKeys('111111');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('Wrong PIN. 4 tries left.');
    expect(screen.getByTestId('pin-display').getAttribute('data-length')).toBe('0');
    // Each answer is awaited by its own text: the keypad's busy state may not have begun when checked.
    for (const answer of ['Wrong PIN. 3 tries left.', 'Wrong PIN. 2 tries left.', 'Wrong PIN. 1 tries left.', 'Bo is locked until 12:00 UTC.']) {
      typeKeys('111111');
      fireEvent.keyDown(window, { key: 'Enter' });
      await waitFor(() => expect(screen.getByTestId('sign-in-error').textContent).toContain(answer));
      await waitFor(() => expect(screen.getByTestId('keypad-enter').hasAttribute('disabled')).toBe(false));
    }
    const error = screen.getByTestId('sign-in-error').textContent ?? '';
    expect(error).toMatch(/That is \d\d:\d\d:\d\d on this station's clock/);
    expect(screen.queryByTestId('shell')).toBeNull();
  });

  it('Escape goes back to the names', async () => {
    renderApp(stationWithPeople());
    fireEvent.click(await screen.findByTestId('operator-Bea'));
    expect(screen.getByTestId('sign-in-as').textContent).toContain('Bea');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(await screen.findByTestId('operator-picker')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('operator-Bea'));
  });

  it('sign-out returns to sign-in; an expired session does too, with the reason', async () => {
    const { station } = renderApp(stationWithPeople());
    fireEvent.click(await screen.findByTestId('operator-Ada'));
    typeKeys('246813');
    fireEvent.keyDown(window, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('sign-out'));
    await screen.findByTestId('sign-in');
    expect(station.sessions.size).toBe(0);

    fireEvent.click(await screen.findByTestId('operator-Ada'));
    typeKeys('246813');
    fireEvent.keyDown(window, { key: 'Enter' });
    await screen.findByTestId('shell');
    act(() => station.emit('session:changed', { sessionId: 'session-1', state: 'expired', operator: null }));
    expect((await screen.findByTestId('session-notice')).textContent).toMatch(/inactivity/);
  });

  it('a host that refuses the link shows the "open the link" screen', async () => {
    const station = stationWithPeople();
    const { TransportError } = await import('../../../../../renderer/src/api/transport');
    station.call = () => Promise.reject(new TransportError('link-needed', 'Open the link.'));
    renderApp(station);
    expect((await screen.findByTestId('link-needed')).textContent).toContain('dockside serve');
  });

  it('a host that does not answer at start shows "station not reachable" with a retry', async () => {
    const station = stationWithPeople();
    const original = station.call.bind(station);
    station.call = () => Promise.reject(new Error('connection refused'));
    renderApp(station);
    expect((await screen.findByTestId('unreachable')).textContent).toContain('Station not reachable');
    station.call = original;
    fireEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    await screen.findByTestId('sign-in');
  });
});
