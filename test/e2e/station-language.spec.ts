// Issue 18: before anyone signs in, the screens speak the station's default, which in the browser host
// is the browser's own list (navigator.languages; Playwright's locale option sets it in Chromium).
// An operator's own choice does not stick to the sign-in screen after they sign out.
import { expect, test } from './fixtures';
import { createFirstAdmin, signInWithKeypad } from './station-page';

const ADMIN = { name: 'Ada', pin: '246813' };

test.describe('a browser set to German (de-DE)', () => {
  test.use({ locale: 'de-DE' });

  test('first run and sign-in speak German, and sign-in goes back to German after a French operator', async ({ page, station }) => {
    await page.goto(station.url);
    expect(await page.evaluate<string[]>('[...navigator.languages]')).toContain('de-DE');
    await expect(page.getByTestId('first-run-submit')).toHaveText('Admin anlegen');
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByRole('heading', { name: 'Wer sind Sie?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByTestId('sign-out')).toHaveText('Abmelden');
    await page.getByTestId('language-picker').selectOption('fr');
    await expect(page.getByTestId('sign-out')).toHaveText('Déconnexion');
    await page.getByTestId('sign-out').click();
    await expect(page.getByRole('heading', { name: 'Wer sind Sie?' })).toBeVisible();
  });
});

test.describe('a browser set to a language with no catalog (pt-BR)', () => {
  test.use({ locale: 'pt-BR' });

  test('the sign-in screen speaks English', async ({ page, station }) => {
    await page.goto(station.url);
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('a browser whose first languages have no catalog (pt-BR, then fr-CA, then en)', () => {
  test('the sign-in screen goes down the list to French', async ({ page, station }) => {
    // Playwright's locale option sets one tag; the DevTools protocol's accept-language sets a list.
    const cdp = await page.context().newCDPSession(page);
    const userAgent = await page.evaluate<string>('navigator.userAgent');
    await cdp.send('Emulation.setUserAgentOverride', { userAgent, acceptLanguage: 'pt-BR,fr-CA,en' });
    await page.goto(station.url);
    expect(await page.evaluate<string[]>('[...navigator.languages]')).toEqual(['pt-BR', 'fr-CA', 'en']);
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByRole('heading', { name: 'Qui êtes-vous ?' })).toBeVisible();
  });
});
