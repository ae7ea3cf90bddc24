// The two-person rule's way out on the approve dialog, against the real host and core: the lead who
// imported (and then fixed a line of) a batch sees why she may not approve it alone and who may; a
// second lead confirms with his PIN on the same dialog and the batch is approved. Then an admin turns
// the rule off in Settings > Station and the dialog says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../../electron/practice/emulator';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { signInWithKeypad, signOut } from './station-page';

const ADMIN = 'Ada';
const ADMIN_PIN = '482913';
const PIN = '739154';
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71'; // electron/practice/emulator/seeds/demo.json
const BOXES = ['3100000000005', '3100000000012', '3100000000029'];

interface World {
  dataDir: string;
  emulator: RunningEmulator;
  host: HostProcess;
  problems: string[];
}

type Rpc = <T>(channel: string, input: unknown, session?: string) => Promise<T>;

/** Ada (admin), leads Lena and Liam; Lena creates PO-7, imports three boxes and closes it. */
async function startWorld(): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-e2e-two-person-'));
  const emulator = await startEmulator({ port: 0, seedFile: 'electron/practice/emulator/seeds/demo.json' });
  const host = await startHostProcess(dataDir, ['--partner-center-url', emulator.url, '--token', 'emulator-app-user-token']);
  const rpc: Rpc = async <T,>(channel: string, input: unknown, session?: string) => {
    const r = await host.rpc<T>(channel, input, session);
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
    return r.value as T;
  };
  const signIn = async (name: string) => (await rpc<{ token: string }>('session:signIn', { name, pin: name === ADMIN ? ADMIN_PIN : PIN })).token;
  await rpc('station:setupFirstAdmin', { name: ADMIN, pin: ADMIN_PIN });
  const admin = await signIn(ADMIN);
  for (const name of ['Lena', 'Liam']) await rpc('operators:add', { name, role: 'lead', pin: PIN }, admin);
  await rpc('customers:refresh', {}, admin);
  const lena = await signIn('Lena');
  const batch = await rpc<{ id: number }>('batches:create', { name: 'PO-7' }, lena);
  const contentBase64 = Buffer.from(['PKID', ...BOXES].join('\n')).toString('base64');
  const preview = await rpc<{ token: string }>('import:preview', { batchId: batch.id, fileName: 'supplier.csv', contentBase64 }, lena);
  await rpc('import:commit', { batchId: batch.id, fileName: 'supplier.csv', contentBase64, token: preview.token }, lena);
  await rpc('batches:close', { id: batch.id }, lena);
  return { dataDir, emulator, host, problems: [] };
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

async function openApprove(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('batches-page')).toBeVisible();
  await page.getByTestId('batch-open-PO-7').click();
  await expect(page.getByTestId('batch-state')).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('approve-open').click();
  await expect(page.getByTestId('approve-dialog')).toBeVisible();
}

test.describe('two-person rule on the approve dialog', () => {
  let world: World;
  test.afterEach(async ({ page }) => {
    await page.close();
    await world.host.kill('SIGTERM');
    await world.emulator.close();
    rmSync(world.dataDir, { recursive: true, force: true });
    expect(world.problems, 'the page logged errors or CSP violations').toEqual([]);
  });

  test('the importing lead sees why she cannot approve alone and who may; a second lead confirms with his PIN', async ({ page }) => {
    test.setTimeout(120_000);
    world = await startWorld();
    watch(page, world.problems);
    await page.goto(`${world.host.origin}/?token=${world.host.token}`);
    await signInWithKeypad(page, 'Lena', PIN);
    await expect(page.getByTestId('operator-badge')).toContainText('Lena');
    await openApprove(page);

    // Before anyone tries: the rule is on, Lena imported the lines, Ada and Liam may approve.
    await expect(page.getByTestId('approve-rule-state')).toContainText('Two-person rule: on');
    await expect(page.getByTestId('approve-who')).toContainText('you imported lines of batch PO-7');
    await expect(page.getByTestId('approve-eligible')).toHaveText('May approve: Ada (Station admin), Liam (Shift lead)');
    await expect(page.getByTestId('approve-changers')).toContainText('Lena: imported');
    await page.getByTestId('approve-customer-search').fill('contoso');
    await page.getByTestId(`approve-customer-${CONTOSO}`).click();
    await expect(page.getByTestId('approve-summary')).toContainText('Contoso Ltd');
    await expect(page.getByTestId('approve-confirm')).toBeDisabled();

    // Liam confirms on the same dialog: a wrong PIN first (it counts toward his lock-out), then his own.
    await page.getByTestId('approve-second-name').selectOption('Liam');
    await page.getByTestId('approve-second-pin').fill('111222');
    await expect(page.getByTestId('approve-confirm')).toHaveText("Approve with Liam's PIN");
    await page.getByTestId('approve-confirm').click();
    await expect(page.getByTestId('approve-error')).toContainText('4 tries left');
    await expect(page.getByTestId('approve-second-pin')).toHaveValue('');
    await page.getByTestId('approve-second-pin').fill(PIN);
    await page.getByTestId('approve-confirm').click();
    await expect(page.getByTestId('approve-dialog')).toHaveCount(0);
    await expect(page.getByTestId('review-notice')).toContainText('approved for Contoso Ltd, confirmed by Liam');
    await expect(page.getByTestId('batch-state')).toHaveAttribute('data-state', /approved|uploading|registered|needs_attention/);
  });

  test('an admin turns the rule off in Settings > Station; the lead then approves alone and the dialog says the rule is off', async ({ page }) => {
    test.setTimeout(120_000);
    world = await startWorld();
    watch(page, world.problems);
    await page.goto(`${world.host.origin}/?token=${world.host.token}`);
    await signInWithKeypad(page, ADMIN, ADMIN_PIN);
    await expect(page.getByTestId('operator-badge')).toContainText(ADMIN);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-station').click();
    await expect(page.getByTestId('two-person-state')).toHaveAttribute('data-enabled', 'true');
    await page.getByTestId('two-person-toggle').click();
    await expect(page.getByTestId('two-person-state')).toHaveAttribute('data-enabled', 'false');
    await expect(page.getByTestId('two-person-status')).toContainText('audit trail');
    await signOut(page);

    await signInWithKeypad(page, 'Lena', PIN);
    await expect(page.getByTestId('operator-badge')).toContainText('Lena');
    await openApprove(page);
    await expect(page.getByTestId('approve-rule-state')).toContainText('Two-person rule: off');
    await expect(page.getByTestId('approve-second')).toHaveCount(0);
    await page.getByTestId('approve-customer-search').fill('contoso');
    await page.getByTestId(`approve-customer-${CONTOSO}`).click();
    await page.getByTestId('approve-confirm').click();
    await expect(page.getByTestId('review-notice')).toContainText('approved for Contoso Ltd');
  });
});
