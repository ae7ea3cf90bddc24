// The device lifecycle on the Upload page, against the real host and the real emulator (demo seed): a
// batch is uploaded; the lead ticks one registered device and removes it from Autopilot with a reason
// (Partner Center's DELETE: gone from the emulator's batch, removed locally, audited); the batch as
// Partner Center lists it; the devices waiting for a profile; a profile assigned, then unassigned from one.
import { emulatorTest, expect } from './fixtures';
import { addOperator, createFirstAdmin, rpcFromPage, signInAs, signOut } from './station-page';

const ADMIN = { name: 'Ada', pin: '246813' };
const OPERATOR = { name: 'Bo', pin: '864213' };
const LEAD = { name: 'Cy', pin: '975318' };
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';
const SUCCEED = ['3327805504064', '3358422088526', '3391340221003']; // electron/practice/emulator/seeds/demo.json
const BATCH = 'Pallet 9';
const AUTH = { authorization: 'Bearer emulator-app-user-token', 'content-type': 'application/json' };

const test = emulatorTest;

test('upload → deregister one device with a reason → gone in Partner Center, removed and audited → profile waiting count → unassign', async ({ page, station, emu }) => {
  test.setTimeout(200_000);
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInAs(page, ADMIN, 'Station admin');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-operators').click();
  await addOperator(page, OPERATOR.name, 'operator', OPERATOR.pin);
  await addOperator(page, LEAD.name, 'lead', LEAD.pin);
  await signOut(page);

  await signInAs(page, OPERATOR, 'Operator');
  const created = await rpcFromPage<{ id: number }>(page, 'batches:create', { name: BATCH });
  for (const pkid of SUCCEED) await rpcFromPage(page, 'scans:record', { batchId: created.id, raw: pkid, source: 'wedge', confirmPkid: true });
  await rpcFromPage(page, 'batches:close', { id: created.id });
  await signOut(page);

  // The lead changed nothing in the batch: under the two-person rule they may approve and remove alone.
  await signInAs(page, LEAD, 'Shift lead');
  await rpcFromPage(page, 'customers:refresh', {});
  await rpcFromPage(page, 'approval:approve', { batchId: created.id, customerTenantId: CONTOSO });
  await page.getByTestId('nav-upload').click();
  const results = page.getByTestId('batch-results');
  await expect(results).toHaveAttribute('data-state', 'registered', { timeout: 90_000 });
  await expect(page.getByTestId('result-registered')).toHaveAttribute('data-value', '3');

  // The batch as Partner Center lists it.
  await page.getByTestId('remote-batch-refresh').click();
  await expect(page.getByTestId('remote-batch')).toHaveAttribute('data-count', '3', { timeout: 20_000 });
  // Every registered device still waits for a profile.
  await expect(page.getByTestId('profile-waiting')).toHaveAttribute('data-count', '3');

  // Tick one device (keyboard: Space on its tick box) and remove it from Autopilot.
  const gone = SUCCEED[0] ?? '';
  await page.getByTestId(`device-${gone}`).getByTestId('device-check-remove').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('deregister-ticked').click();
  const dialog = page.getByTestId('deregister-dialog');
  await expect(dialog.getByTestId('deregister-count')).toHaveAttribute('data-count', '1');
  await expect(dialog.getByTestId('approve-rule-state')).toContainText('on');
  await expect(dialog.getByTestId('deregister-confirm')).toBeDisabled();
  await dialog.getByTestId('deregister-reason').fill('customer return RMA-9');
  await dialog.getByTestId('deregister-confirm').click();
  await expect(dialog.getByTestId('deregister-result')).toHaveAttribute('data-deregistered', '1', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Gone from the emulator's batch, and from the station's live list; audited with the reason.
  const listed = await fetch(`${emu.url}/v1/customers/${CONTOSO}/deviceBatches/${encodeURIComponent(BATCH)}/devices`, { headers: AUTH });
  const items = ((await listed.json()) as { items: { productKey?: string }[] }).items;
  expect(items).toHaveLength(2);
  expect(emu.control.requests().filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204]);
  await expect(page.getByTestId('result-registered')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId(`device-${gone}`)).toHaveCount(0);
  const audit = await rpcFromPage<{ rows: { action: string; detail: unknown }[] }>(page, 'audit:list', { action: 'devices:deregistered', verify: false });
  expect(audit.rows).toHaveLength(1);
  expect(JSON.stringify(audit.rows[0]?.detail)).toContain('customer return RMA-9');
  await expect(page.getByTestId('profile-waiting')).toHaveAttribute('data-count', '2');

  // A profile for the remaining two, then unassigned from one ticked device: one waits again.
  const made = await fetch(`${emu.url}/v1/customers/${CONTOSO}/policies`, { method: 'POST', headers: AUTH, body: JSON.stringify({ name: 'Warehouse kiosk', category: 'o_o_b_e', description: 'Shared floor PCs', policySettings: ['skip_eula'] }) });
  const policy = (await made.json()) as { id: string };
  await page.getByTestId('profile-open').click();
  await page.getByTestId(`profile-option-${policy.id}`).check();
  await page.getByTestId('profile-assign').click();
  await expect(page.getByTestId('profile-result')).toHaveAttribute('data-assigned', '2', { timeout: 90_000 });
  await expect(page.getByTestId('profile-waiting')).toHaveAttribute('data-count', '0');
  await page.getByTestId(`device-${SUCCEED[1] ?? ''}`).getByTestId('device-check-remove').check();
  await page.getByTestId('profile-option-none').check();
  await expect(page.getByTestId('profile-assign')).toContainText('Unassign the profile of the 1 ticked device');
  await page.getByTestId('profile-assign').click();
  await expect(page.getByTestId('profile-result')).toHaveAttribute('data-assigned', '1', { timeout: 90_000 });
  await expect(page.getByTestId('profile-waiting')).toHaveAttribute('data-count', '1');
});
