// Upload end to end, against the real host and the real emulator (demo seed): an operator scans a
// batch, a shift lead approves it (two-person rule), the Upload page shows the upload under way and then
// every device's result (812 explained in plain words, 806 counted as registered); the 812 box gets
// filed with Microsoft, the lead retries just that device and it becomes registered; then the lead
// assigns an Autopilot profile (made in Partner Center) to the batch's registered devices.
import { mkdirSync } from 'node:fs';
import { emulatorTest, expect } from './fixtures';
import { addOperator, createFirstAdmin, rpcFromPage, signInAs, signOut } from './station-page';

const shots = 'test-results/screenshots';
const ADMIN = { name: 'Ada', pin: '246813' };
const OPERATOR = { name: 'Bo', pin: '864213' };
const LEAD = { name: 'Cy', pin: '975318' };
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';
// From electron/practice/emulator/seeds/demo.json's _scenarios.
const SUCCEED = ['3327805504064', '3358422088526', '3391340221003'];
const ALREADY_REGISTERED = '3355962661969'; // 806: counts as registered
const NOT_FILED = '3396489167886'; // 812 until the OEM files it
const OTHER_TENANT = '3377412745152'; // 808
const BATCH = 'Pallet 7';

const test = emulatorTest;

/** Calls the station from inside the page, with the page's own session (as the UI does). */

test('approve → upload under way → per-device results → the 812 device, once filed, retried and registered → an Autopilot profile assigned', async ({ page, station, emu }) => {
  test.setTimeout(210_000);
  mkdirSync(shots, { recursive: true });
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInAs(page, ADMIN, 'Station admin');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-operators').click();
  await addOperator(page, OPERATOR.name, 'operator', OPERATOR.pin);
  await addOperator(page, LEAD.name, 'lead', LEAD.pin);
  // Two devices per request, so the batch goes up in several chunks.
  await rpcFromPage(page, 'settings:update', { key: 'uploads.chunkSize', value: 2 });
  await signOut(page);

  // The operator scans the batch and closes it.
  await signInAs(page, OPERATOR, 'Operator');
  const created = await rpcFromPage<{ id: number }>(page, 'batches:create', { name: BATCH });
  for (const pkid of [...SUCCEED, ALREADY_REGISTERED, NOT_FILED, OTHER_TENANT]) {
    const verdict = await rpcFromPage<{ verdict: string }>(page, 'scans:record', { batchId: created.id, raw: pkid, source: 'wedge', confirmPkid: true });
    expect(verdict.verdict, pkid).toBe('accepted');
  }
  await rpcFromPage(page, 'batches:close', { id: created.id });
  await signOut(page);

  // Another person, a shift lead, approves it for Contoso. Jobs are held so the upload can be watched.
  await signInAs(page, LEAD, 'Shift lead');
  await rpcFromPage(page, 'customers:refresh', {});
  emu.control.setSwitches({ stuckJobs: true });
  await rpcFromPage(page, 'approval:approve', { batchId: created.id, customerTenantId: CONTOSO });

  await page.getByTestId('nav-upload').click();
  const results = page.getByTestId('batch-results');
  await expect(page.getByTestId(`upload-batch-${BATCH}`)).toBeVisible();
  await expect(results).toHaveAttribute('data-batch', BATCH);
  await expect(results).toHaveAttribute('data-state', 'uploading', { timeout: 20_000 });
  await expect(page.getByTestId('result-waiting')).not.toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-total', '6');
  // The status bar, on every screen, says uploads are under way.
  const bar = page.getByTestId('sync-status');
  await expect(bar).toHaveAttribute('data-state', /working|waiting/);
  await expect(page.getByTestId('sync-message')).toContainText('devices');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: `${shots}/upload-working.png` });

  // Partner Center finishes the jobs: every device gets its result.
  emu.control.setSwitches({ stuckJobs: false });
  emu.control.completeJobs();
  await expect(results).toHaveAttribute('data-state', 'needs_attention', { timeout: 60_000 });
  await expect(page.getByTestId('result-registered')).toHaveAttribute('data-value', '4');
  await expect(page.getByTestId('result-failed')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('result-waiting')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('result-filter-failed')).toHaveAttribute('aria-pressed', 'true');
  const notFiled = page.getByTestId(`device-${NOT_FILED}`);
  await expect(notFiled).toHaveAttribute('data-code', '812');
  await expect(notFiled.getByTestId('device-state')).toHaveText('Failed · retry later');
  await expect(notFiled.getByTestId('device-meaning')).toContainText('Microsoft has no hardware record for this PKID');
  await expect(notFiled.getByTestId('device-action')).toContainText('Retry later');
  await expect(page.getByTestId(`device-${OTHER_TENANT}`)).toHaveAttribute('data-code', '808');
  await expect(page.getByTestId(`device-${OTHER_TENANT}`).getByTestId('device-action')).toContainText('proof of ownership');
  await page.screenshot({ path: `${shots}/upload-failures.png` });
  await page.getByTestId('device-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/upload-failures-list.png` });

  // 806 counts as registered, with its note.
  await page.getByTestId('result-filter-registered').click();
  await expect(page.getByTestId(`device-${ALREADY_REGISTERED}`)).toHaveAttribute('data-state', 'registered');
  await page.getByTestId('result-filter-failed').click();

  // The OEM files the 812 box; the lead ticks it alone (keyboard) and retries it.
  emu.control.addRegistryDevices([{ pkid: NOT_FILED }]);
  await notFiled.getByTestId('device-check').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('retry-selected')).toHaveText('Retry ticked (1)');
  await page.getByTestId('retry-selected').click();
  await expect(page.getByTestId('failed-actions-done')).toContainText('1 device sent again');
  await expect(page.getByTestId('result-registered')).toHaveAttribute('data-value', '5', { timeout: 60_000 });
  await expect(page.getByTestId('result-failed')).toHaveAttribute('data-value', '1');
  // The 808 box still needs its owner to let go, so the batch still needs attention.
  await expect(results).toHaveAttribute('data-state', 'needs_attention');
  await page.getByTestId('result-filter-registered').click();
  await expect(page.getByTestId(`device-${NOT_FILED}`)).toHaveAttribute('data-state', 'registered');
  // Nothing is left to send, but the 808 box waits for a person: the bar never says "up to date" then.
  await expect(bar).toHaveAttribute('data-state', 'needs-attention', { timeout: 30_000 });
  await expect(page.getByTestId('sync-message')).toContainText('1 device needs a person');
  await expect(emu.control.duplicates()).toEqual([]);

  // A profile made in Partner Center for Contoso; the lead assigns it to the batch's registered devices.
  const made = await fetch(`${emu.url}/v1/customers/${CONTOSO}/policies`, {
    method: 'POST',
    headers: { authorization: 'Bearer emulator-app-user-token', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Warehouse kiosk', category: 'o_o_b_e', description: 'Shared floor PCs', policySettings: ['skip_eula'] }),
  });
  expect(made.status).toBe(200);
  const policy = (await made.json()) as { id: string };
  await page.getByTestId('profile-open').click();
  await expect(page.getByTestId('profile-note')).toContainText('not visible to Partner Center');
  await page.getByTestId(`profile-option-${policy.id}`).check();
  await page.getByTestId('profile-assign').click();
  await expect(page.getByTestId('profile-result')).toContainText('assigned', { timeout: 90_000 });
  // The 806 box was already registered, so Partner Center never gave the station its id: skipped.
  await expect(page.getByTestId('profile-result')).toHaveAttribute('data-assigned', '4');
  await expect(page.getByTestId('profile-result')).toHaveAttribute('data-skipped', '1');
  await expect(page.getByTestId('profile-result')).toHaveAttribute('data-failed', '0');
  await expect(page.getByTestId(`profile-option-${policy.id}`).locator('xpath=..')).toContainText('4 devices already use it.');
  await page.getByTestId('profile-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/upload-profile.png` });
});
