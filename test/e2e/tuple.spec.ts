// A box without a PKID, end to end in practice mode against the real host and the real emulator (demo
// seed, where 5CG4210XYZ · HP · HP EliteBook 840 14 inch G10 Notebook PC is filed): the operator scans
// the serial with the keyboard as a wedge would, presses F2, picks the manufacturer and the model from
// the list and records the box; she closes the batch; a shift lead sees the tuple identity in review,
// approves the batch for Contoso, and the Upload page shows the device registered by its tuple.
import { mkdirSync } from 'node:fs';
import { emulatorTest, expect } from './fixtures';
import { addOperator, createFirstAdmin, rpcFromPage, signInAs, signOut, wedgeScan } from './station-page';

const shots = 'test-results/screenshots';
const ADMIN = { name: 'Ada', pin: '246813' };
const OPERATOR = { name: 'Bo', pin: '864213' };
const LEAD = { name: 'Cy', pin: '975318' };
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';
const BATCH = 'Pallet 9';
const SERIAL = '5CG4210XYZ';
const MAKER = 'HP';
const MODEL = 'HP EliteBook 840 14 inch G10 Notebook PC';

const test = emulatorTest;

test('scan a serial, pick HP and the model from the list, approve, upload: registered by its tuple', async ({ page, station, emu }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInAs(page, ADMIN, 'Station admin');
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-operators').click();
  await addOperator(page, OPERATOR.name, 'operator', OPERATOR.pin);
  await addOperator(page, LEAD.name, 'lead', LEAD.pin);
  await signOut(page);

  // The operator starts a batch and scans the box's serial: no PKID follows.
  await signInAs(page, OPERATOR, 'Operator');
  await expect(page.getByTestId('new-batch-name')).toBeFocused();
  await page.keyboard.type(BATCH);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-batch-name')).toHaveText(BATCH);
  await wedgeScan(page, SERIAL);
  await expect(page.getByTestId('waiting-serial')).toContainText(SERIAL);
  await expect(page.getByTestId('no-pkid')).toBeVisible();

  // F2: the picker, the maker already named by the HP serial pattern; she picks HP again from the list.
  await page.keyboard.press('F2');
  const picker = page.getByTestId('tuple-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('tuple-serial')).toHaveText(SERIAL);
  await expect(page.getByTestId('tuple-rule')).toContainText('must match the firmware exactly');
  await expect(page.getByTestId('tuple-make')).toHaveValue(MAKER);
  await expect(page.getByTestId('tuple-model')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('tuple-make')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(MAKER, { delay: 120 });
  await expect(page.getByTestId('tuple-make-list')).toBeVisible();
  await expect(page.getByTestId('tuple-make-option').first()).toHaveAttribute('data-value', MAKER);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tuple-make')).toHaveValue(MAKER);
  await expect(page.getByTestId('tuple-model')).toBeFocused();

  // The model: typed slowly (a person, not a scanner) to narrow the catalogue; the first match is
  // highlighted, the arrows move to the one wanted.
  await page.keyboard.type('elitebook 840', { delay: 90 });
  const option = page.getByTestId('tuple-model-option').and(page.locator(`[data-value="${MODEL}"]`));
  await expect(option).toBeVisible();
  await page.screenshot({ path: `${shots}/tuple-picker.png` });
  const values = await page.getByTestId('tuple-model-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  const at = values.indexOf(MODEL);
  expect(at, `the catalogue lists ${MODEL}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tuple-model')).toHaveValue(MODEL);
  await expect(page.getByTestId('tuple-model-warning')).toHaveCount(0);
  await expect(page.getByTestId('tuple-make-warning')).toHaveCount(0);
  await expect(page.getByTestId('tuple-confirm')).toBeFocused();
  await page.keyboard.press('Enter');

  // Accepted, with the same banner as any scan; the box is listed with its identity.
  await expect(page.getByTestId('scan-verdict')).toHaveAttribute('data-verdict', 'accepted');
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('waiting-serial')).toHaveCount(0);
  await expect(page.getByTestId('batch-count')).toHaveText('1');
  const line = page.getByTestId('recent-scan').first();
  await expect(line.getByTestId('identity')).toHaveAttribute('data-kind', 'tuple');
  await expect(line.getByTestId('identity')).toContainText(MODEL);
  await page.screenshot({ path: `${shots}/tuple-accepted.png` });

  // Finish the batch from the keyboard.
  await page.keyboard.press('Alt+f');
  await expect(page.getByTestId('close-batch-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-notice')).toContainText(BATCH);
  await signOut(page);

  // The lead reviews (the tuple is what will be sent) and approves for Contoso.
  await signInAs(page, LEAD, 'Shift lead');
  await rpcFromPage(page, 'customers:refresh', {});
  await page.getByTestId('nav-batches').click();
  await page.getByTestId(`batch-open-${BATCH}`).click();
  const row = page.getByTestId(`review-row-serial-${SERIAL}`);
  await expect(row.getByTestId('identity')).toHaveAttribute('data-kind', 'tuple');
  await page.getByTestId('approve-open').click();
  await expect(page.getByTestId('approve-count')).toHaveAttribute('data-count', '1');
  await page.getByTestId('approve-customer-search').fill('contoso');
  await page.getByTestId(`approve-customer-${CONTOSO}`).click();
  await expect(page.getByTestId('approve-summary')).toContainText('Contoso Ltd');
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('approve-dialog')).toHaveCount(0);

  // Upload: Partner Center matches the tuple and registers the device.
  await page.getByTestId('nav-upload').click();
  await expect(page.getByTestId('batch-results')).toHaveAttribute('data-batch', BATCH);
  await expect(page.getByTestId('batch-results')).toHaveAttribute('data-state', 'registered', { timeout: 90_000 });
  await page.getByTestId('result-filter-registered').click();
  const device = page.getByTestId(`device-${SERIAL}`);
  await expect(device).toHaveAttribute('data-state', 'registered');
  await expect(device.getByTestId('device-state')).toHaveText('Registered');
  await expect(device.getByTestId('identity')).toHaveAttribute('data-kind', 'tuple');
  await expect(device.getByTestId('identity')).toContainText('Tuple');
  await page.screenshot({ path: `${shots}/tuple-registered.png` });

  // What Partner Center received: the tuple exactly as picked, no PKID, once.
  const sent = emu.control.receivedDevices().map((r) => r.device);
  expect(sent).toEqual([expect.objectContaining({ serialNumber: SERIAL, oemManufacturerName: MAKER, modelName: MODEL })]);
  expect(sent[0]).not.toHaveProperty('productKey');
  expect(emu.control.duplicates()).toEqual([]);
});
