import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { FakeStation } from '../helpers/fake-transport';
import { renderApp } from '../helpers/render-app';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

async function signIn(name: string, pin: string): Promise<void> {
  fireEvent.click(await screen.findByTestId(`operator-${name}`));
  for (const key of pin) fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
}

describe('language picker', () => {
  it("switches the screens at once, keeps the choice with the operator, and the sign-in screen goes back to the station's", async () => {
    const station = new FakeStation();
    const pat = station.addOperator('Pat', 'lead', '975318');
    renderApp(station);
    await signIn('Pat', '975318');
    fireEvent.change(screen.getByTestId('language-picker'), { target: { value: 'de' } });
    await waitFor(() => expect(screen.getByTestId('sign-out').textContent).toBe('Abmelden'));
    expect(screen.getByTestId('nav-batches').textContent).toBe('ChargenAlt+2');
    await waitFor(() => expect(pat.language).toBe('de'));
    fireEvent.click(screen.getByTestId('sign-out'));
    expect((await screen.findByRole('heading', { name: 'Who are you?' })).textContent).toBe('Who are you?');
    await signIn('Pat', '975318');
    expect(screen.getByTestId('sign-out').textContent).toBe('Abmelden');
  });

  it('names every language in itself', async () => {
    const station = new FakeStation();
    station.addOperator('Pat', 'operator', '975318');
    renderApp(station);
    await signIn('Pat', '975318');
    const options = [...screen.getByTestId('language-picker').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['English', 'Deutsch', 'Français', 'Español', 'Nederlands', 'Polski']);
  });
});
