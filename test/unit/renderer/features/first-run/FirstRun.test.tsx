import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../helpers/render-app';

afterEach(cleanup);

function fill(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('first run', () => {
  it('shows the PIN rules live and refuses a bad PIN before calling the core', async () => {
    const { station } = renderApp();
    await screen.findByTestId('first-run');
    fill('first-run-name', 'Ada');
    fill('first-run-pin', '1234');
    const met = () => screen.getByTestId('pin-rules').querySelectorAll('.rule-met').length;
    expect(met()).toBe(2); // digits only, not one repeated digit
    fill('first-run-pin', '123456');
    expect(met()).toBe(3);
    fill('first-run-pin', '246813');
    expect(met()).toBe(4);
    fill('first-run-pin-again', '246812');
    fireEvent.click(screen.getByTestId('first-run-submit'));
    expect((await screen.findByTestId('first-run-error')).textContent).toContain('not the same');
    expect(station.calls.some((c) => c.channel === 'station:setupFirstAdmin')).toBe(false);
  });

  it('creates the first admin, then offers sign-in with that name', async () => {
    const { station } = renderApp();
    await screen.findByTestId('first-run');
    fill('first-run-name', '  Ada ');
    fill('first-run-pin', '246813');
    fill('first-run-pin-again', '246813');
    fireEvent.click(screen.getByTestId('first-run-submit'));
    await screen.findByTestId('sign-in');
    expect(await screen.findByTestId('operator-Ada')).toBeTruthy();
    expect(station.operators[0]).toMatchObject({ name: 'Ada', role: 'admin' });
  });

  it("shows the core's message when it refuses", async () => {
    const { station } = renderApp();
    station.overrides.set('station:setupFirstAdmin', () => ({ ok: false, error: { code: 'ALREADY_SET_UP', message: 'This station already has operators: sign in instead.' } }));
    await screen.findByTestId('first-run');
    fill('first-run-name', 'Ada');
    fill('first-run-pin', '246813');
    fill('first-run-pin-again', '246813');
    fireEvent.click(screen.getByTestId('first-run-submit'));
    expect((await screen.findByTestId('first-run-error')).textContent).toBe('This station already has operators: sign in instead.');
  });
});
