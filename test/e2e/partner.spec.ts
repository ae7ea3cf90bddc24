// Partner Center end to end, against the real host and the real emulator (electron/practice/emulator, demo seed):
// a shift lead signs the station in (static token: practice mode), refreshes and searches the customer
// list, asks for the relationship link; then Partner Center goes away and the cached list stays, with a
// clear "could not refresh".
import { mkdirSync } from 'node:fs';
import { emulatorTest, expect } from './fixtures';
import { addOperator, createFirstAdmin, expectSignedIn, signInWithKeypad, signOut } from './station-page';

const shots = 'test-results/screenshots';
const ADMIN = { name: 'Ada', pin: '246813' };
const LEAD = { name: 'Cy', pin: '975318' };

const test = emulatorTest;

test('a lead signs in to Partner Center, refreshes and searches customers; offline, the cached list stays', async ({ page, station, emu }) => {
  mkdirSync(shots, { recursive: true });
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-operators').click();
  await addOperator(page, LEAD.name, 'lead', LEAD.pin);
  // The admin sees the app registration fields; a lead will not.
  await page.getByTestId('settings-tab-partner').click();
  await expect(page.getByTestId('partner-fields')).toBeVisible();
  await expect(page.getByTestId('partner-tenant')).toHaveValue('organizations');
  await signOut(page);

  await signInWithKeypad(page, LEAD.name, LEAD.pin);
  await expectSignedIn(page, LEAD.name, 'Shift lead');
  // On every screen: the practice banner, the upload status and the Partner Center account.
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('partner-account')).toHaveText('Partner Center: practice@emulator.local');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-partner').click();
  await expect(page.getByTestId('partner-configured')).toHaveText('Yes');
  await expect(page.getByTestId('partner-mode')).toHaveAttribute('data-value', 'practice');
  await expect(page.getByTestId('partner-customers-at')).toHaveText('Never fetched');
  await expect(page.getByTestId('partner-fields')).toHaveCount(0);
  await page.getByTestId('partner-sign-in').click();
  await expect(page.getByTestId('partner-done')).toHaveText('Signed in to Partner Center as practice@emulator.local.');
  await expect(page.getByTestId('partner-signed-in-as')).toHaveText('practice@emulator.local');
  await page.screenshot({ path: `${shots}/settings-partner.png` });

  await page.getByTestId('nav-upload').click();
  await page.getByTestId('upload-tab-customers').click();
  await expect(page.getByTestId('customers-refreshed-at')).toHaveText('Never fetched from Partner Center');
  await expect(page.getByTestId('customers-empty')).toContainText('No customer list yet');
  await page.getByTestId('customers-refresh').click();
  await expect(page.getByTestId('customers-status')).toContainText('Customer list refreshed:');
  await expect(page.getByTestId('customers-refreshed-at')).toHaveText(/^Refreshed \d\d:\d\d$/);
  const rows = page.getByTestId('customer-row');
  await expect(rows.filter({ hasText: 'Contoso Ltd' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Northwind Traders' })).toHaveCount(1);
  const all = await rows.count();
  expect(all).toBeGreaterThanOrEqual(3);

  // Search by name, then by domain.
  await page.getByTestId('customers-search').fill('fabri');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Fabrikam, Inc.');
  await page.getByTestId('customers-search').fill('northwindtraders.onmicrosoft');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Northwind Traders');
  await page.getByTestId('customers-search').fill('');
  await expect(rows).toHaveCount(all);

  // A customer not listed: the invitation link, from Partner Center.
  await page.getByTestId('relationship-get').click();
  await expect(page.getByTestId('relationship-url')).toHaveValue(/^https:\/\//);
  await expect(page.getByTestId('relationship-explanation')).toContainText('Global Administrator');
  await expect(page.getByTestId('relationship-explanation')).toContainText('NOT needed');
  const refreshedAt = await page.getByTestId('customers-refreshed-at').getAttribute('data-value');

  // Partner Center goes away: the refresh fails, says so, and the cached list stays.
  await emu.close();
  await page.getByTestId('customers-refresh').click();
  await expect(page.getByTestId('customers-error')).toContainText('Could not refresh the customer list: Partner Center cannot be reached');
  await expect(page.getByTestId('customers-error')).toContainText('Below is the list kept on this station');
  await expect(rows).toHaveCount(all);
  await expect(page.getByTestId('customers-refreshed-at')).toHaveAttribute('data-value', refreshedAt ?? '');
  await page.getByTestId('customers-search').fill('contoso');
  await expect(rows).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: `${shots}/customers-offline.png` });
});
