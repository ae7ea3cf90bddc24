// The foundation end to end: first run, sign-in by keypad and by keyboard, roles in the navigation,
// operators managed by an admin, lock-out, and what the page says when the host cannot be used.
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { addOperator, createFirstAdmin, expectSignedIn, openOperators, signInWithKeyboard, signInWithKeypad, signOut, submitPin } from './station-page';

const ADMIN = { name: 'Ada', pin: '246813' };
const WORKER = { name: 'Bo', pin: '975318' };
const shots = 'test-results/screenshots';

test('first run, sign in by keypad and by keyboard, roles decide the navigation', async ({ page, station }) => {
  await page.goto(station.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  // The PIN rules are checked live, and the core's rule is enforced before anything is sent.
  await page.getByTestId('first-run-name').fill(ADMIN.name);
  await page.getByTestId('first-run-pin').fill('123456');
  await expect(page.getByTestId('pin-rules').locator('.rule-met')).toHaveCount(3);
  await page.getByTestId('first-run-pin-again').fill('123456');
  await page.getByTestId('first-run-submit').click();
  await expect(page.getByTestId('first-run-error')).toContainText('consecutive digits');
  await page.getByTestId('first-run-pin').fill('');
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);

  await expect(page.getByTestId(`operator-${ADMIN.name}`)).toBeVisible();
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/sign-in.png` });

  await page.getByTestId(`operator-${ADMIN.name}`).click();
  for (const digit of '246') await page.getByTestId(`keypad-${digit}`).click();
  await page.screenshot({ path: `${shots}/sign-in-pin.png` });
  await page.getByTestId('sign-in-back').click();

  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  for (const nav of ['scan', 'batches', 'upload', 'reports', 'settings']) await expect(page.getByTestId(`nav-${nav}`)).toBeVisible();
  await expect(page.getByTestId('practice-banner')).toHaveCount(0);
  await expect(page.getByTestId('online-indicator')).toHaveAttribute('data-state', 'online');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('page-batches')).toBeVisible();

  await openOperators(page);
  await addOperator(page, WORKER.name, 'operator', WORKER.pin);
  await page.screenshot({ path: `${shots}/shell.png` });

  // A reload keeps the sign-in (the session lives in sessionStorage).
  await page.reload();
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  await signOut(page);

  await signInWithKeyboard(page, WORKER.name, WORKER.pin);
  await expectSignedIn(page, WORKER.name, 'Operator');
  await expect(page.getByTestId('nav-scan')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toBeVisible();
  await expect(page.getByTestId('nav-upload')).toHaveCount(0);
  await expect(page.getByTestId('nav-reports')).toHaveCount(0);
  await page.keyboard.press('Alt+4'); // Reports: not for an operator, so nothing happens.
  await expect(page.getByTestId('page-scan')).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('settings-tab-operators')).toHaveCount(0);
  await expect(page.getByTestId('change-my-pin')).toBeVisible();
  await signOut(page);
});

test('five wrong PINs lock an operator out, even for the right PIN, until an admin unlocks', async ({ page, station }) => {
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  await openOperators(page);
  await addOperator(page, WORKER.name, 'operator', WORKER.pin);
  await signOut(page);

  await page.getByTestId(`operator-${WORKER.name}`).click();
  for (let left = 4; left >= 1; left--) {
    await submitPin(page, '111111');
    await expect(page.getByTestId('sign-in-error')).toContainText(`${left} ${left === 1 ? 'try' : 'tries'} left`);
    await expect(page.getByTestId('pin-display')).toHaveAttribute('data-length', '0');
  }
  await submitPin(page, '111111');
  await expect(page.getByTestId('sign-in-error')).toContainText(`${WORKER.name} is locked`);
  await expect(page.getByTestId('sign-in-error')).toContainText('until');

  await submitPin(page, WORKER.pin);
  await expect(page.getByTestId('sign-in-error')).toContainText(`${WORKER.name} is locked`);
  await expect(page.getByTestId('shell')).toHaveCount(0);

  // The admin sees the lock and lifts it.
  await page.getByTestId('sign-in-back').click();
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  await openOperators(page);
  await expect(page.getByTestId(`locked-${WORKER.name}`)).not.toHaveText('—');
  await page.getByTestId(`unlock-${WORKER.name}`).click();
  await expect(page.getByTestId('operators-status')).toContainText(`${WORKER.name} is unlocked`);
  await expect(page.getByTestId(`locked-${WORKER.name}`)).toHaveText('—');
  await signOut(page);

  await signInWithKeypad(page, WORKER.name, WORKER.pin);
  await expectSignedIn(page, WORKER.name, 'Operator');
});

test('operators page: roles, disable, new PIN, the last-admin guard, and changing my own PIN', async ({ page, station }) => {
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  await openOperators(page);
  await addOperator(page, WORKER.name, 'operator', WORKER.pin);

  // The core refuses to leave the station without an admin, and the page says why.
  await page.getByTestId(`toggle-active-${ADMIN.name}`).click();
  await expect(page.getByTestId('operators-error')).toContainText('last active station admin');

  await page.getByTestId(`role-${WORKER.name}`).selectOption('lead');
  await page.getByTestId(`apply-role-${WORKER.name}`).click();
  await expect(page.getByTestId(`role-${WORKER.name}`)).toHaveValue('lead');

  await page.getByTestId(`set-pin-${WORKER.name}`).click();
  await page.getByTestId('set-pin-input').fill('864209');
  await page.getByTestId('set-pin-submit').click();
  await expect(page.getByTestId('set-pin-status')).toContainText(`${WORKER.name} has a new PIN`);
  await page.getByTestId('set-pin-close').click();

  await page.getByTestId(`toggle-active-${WORKER.name}`).click();
  await expect(page.getByTestId(`active-${WORKER.name}`)).toHaveText('Disabled');

  await page.getByTestId('settings-tab-pin').click();
  await page.getByTestId('my-current-pin').fill('000000');
  await page.getByTestId('my-new-pin').fill('192837');
  await page.getByTestId('my-new-pin-again').fill('192837');
  await page.getByTestId('change-pin-submit').click();
  await expect(page.getByTestId('change-pin-error')).toContainText('current PIN is not right');
  await page.getByTestId('my-current-pin').fill(ADMIN.pin);
  await page.getByTestId('change-pin-submit').click();
  await expect(page.getByTestId('change-pin-status')).toContainText('Your PIN is changed');
  await signOut(page);

  // Disabled operators are not offered; the admin's new PIN works.
  await expect(page.getByTestId(`operator-${WORKER.name}`)).toHaveCount(0);
  await signInWithKeypad(page, ADMIN.name, '192837');
  await expectSignedIn(page, ADMIN.name, 'Station admin');
});

test.describe('practice mode', () => {
  test.use({ practice: true });

  test('shows the practice banner on every page', async ({ page, station }) => {
    await page.goto(station.url);
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await signInWithKeyboard(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByTestId('practice-banner')).toHaveText('Practice mode: nothing leaves this machine');
    await page.keyboard.press('Alt+5');
    await expect(page.getByTestId('practice-banner')).toBeVisible();
  });
});

test.describe('when the host cannot be used', () => {
  // The browser logs the refused requests itself; nothing else may be logged.
  test.use({ allowedConsoleErrors: /Failed to load resource: (the server responded with a status of 401|net::(ERR_CONNECTION_REFUSED|ERR_INCOMPLETE_CHUNKED_ENCODING))/ });

  test('opening the host without the link shows the "link needed" page', async ({ page, station }) => {
    const response = await page.goto(station.origin + '/');
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'Sign-in link needed' })).toBeVisible();
    await expect(page.locator('body')).toContainText('Open the URL printed by dockside serve');
  });

  test('losing the host token mid-session shows the app\'s own "open the link" screen', async ({ page, station, context }) => {
    await page.goto(station.url);
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await context.clearCookies();
    await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByTestId('link-needed')).toContainText('Open the link printed by dockside serve');
  });

  test('a host that stops answering gives a clear "not reachable" message, not a crash', async ({ page, station }) => {
    await page.goto(station.url);
    await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
    await station.stop();
    await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByTestId('unreachable-banner')).toContainText('Station not reachable');
    await expect(page.getByTestId('sign-in-error')).toContainText('not reachable');
  });
});
