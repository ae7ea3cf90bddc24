import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeStation } from '../../helpers/fake-transport';
import { renderApp } from '../../helpers/render-app';

afterEach(cleanup);

async function adminOnOperators(): Promise<FakeStation> {
  const station = new FakeStation();
  station.addOperator('Ada', 'admin', '246813');
  station.addOperator('Bo', 'operator', '975318', { lockedUntil: Date.now() + 60_000 });
  renderApp(station);
  fireEvent.click(await screen.findByTestId('operator-Ada'));
  for (const key of '246813') fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  await screen.findByTestId('operator-row-Bo');
  return station;
}

describe('operators page', () => {
  it('lists operators with role, status and lock-out', async () => {
    await adminOnOperators();
    expect((screen.getByTestId('role-Ada') as HTMLSelectElement).value).toBe('admin');
    expect(screen.getByTestId('active-Bo').textContent).toBe('Active');
    expect(screen.getByTestId('locked-Bo').textContent).not.toBe('—');
    expect(screen.getByTestId('locked-Ada').textContent).toBe('—');
  });

  it('adds an operator and the list reloads', async () => {
    await adminOnOperators();
    fireEvent.change(screen.getByTestId('add-operator-name'), { target: { value: 'Cy' } });
    fireEvent.change(screen.getByTestId('add-operator-role'), { target: { value: 'lead' } });
    fireEvent.change(screen.getByTestId('add-operator-pin'), { target: { value: '192837' } });
    fireEvent.click(screen.getByTestId('add-operator-submit'));
    expect((await screen.findByTestId('add-operator-status')).textContent).toBe('Cy was added as Shift lead.');
    expect(await screen.findByTestId('operator-row-Cy')).toBeTruthy();
  });

  it("shows the core's refusal, e.g. the last-admin guard", async () => {
    await adminOnOperators();
    fireEvent.click(screen.getByTestId('toggle-active-Ada'));
    expect((await screen.findByTestId('operators-error')).textContent).toBe('This is the last active station admin.');
  });

  it('unlocks a locked operator', async () => {
    await adminOnOperators();
    fireEvent.click(screen.getByTestId('unlock-Bo'));
    await waitFor(() => expect(screen.getByTestId('locked-Bo').textContent).toBe('—'));
    expect(screen.getByTestId('operators-status').textContent).toBe('Bo is unlocked.');
  });
});
