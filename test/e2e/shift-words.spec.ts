// Issue 19's words at the lead's desk, against the real host and core: the supplier's list is previewed
// before it is written (its refused line in the error colour), the approve dialog names the box scanned
// without being expected, and the audit trail says in words who scanned which PKID into which batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { isValidEan13 } from '../../shared/domain/barcode';
import { startEmulator, type RunningEmulator } from '../../electron/practice/emulator';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { signInWithKeypad } from './station-page';

const ADMIN = 'Ada';
const ADMIN_PIN = '482913';
const PIN = '739154';
const BATCH = 'Dock-A';

function pkids(count: number, start: number): string[] {
  const out: string[] = [];
  for (let n = start; out.length < count; n += 7) if (!isValidEan13(String(n))) out.push(String(n));
  return out;
}

let dataDir = '';
let emulator: RunningEmulator | undefined;
let host: HostProcess | undefined;
const problems: string[] = [];

test.afterEach(async ({ page }) => {
  await page.close();
  await host?.kill('SIGTERM');
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(problems, 'the page logged errors').toEqual([]);
});

async function rpc<T>(channel: string, input: unknown, session?: string): Promise<T> {
  const r = await (host as HostProcess).rpc<T>(channel, input, session);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

function watch(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

test('preview of the expected list, unexpected lines at approval, the audit trail in words', async ({ page }) => {
  test.setTimeout(90_000);
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-e2e-words-'));
  emulator = await startEmulator({ port: 0, seedFile: 'electron/practice/emulator/seeds/demo.json' });
  host = await startHostProcess(dataDir, ['--partner-center-url', emulator.url, '--token', 'emulator-app-user-token']);
  const signIn = async (name: string, pin = PIN) => (await rpc<{ token: string }>('session:signIn', { name, pin })).token;
  await rpc('station:setupFirstAdmin', { name: ADMIN, pin: ADMIN_PIN });
  const admin = await signIn(ADMIN, ADMIN_PIN);
  await rpc('operators:add', { name: 'Liam', role: 'lead', pin: PIN }, admin);
  await rpc('operators:add', { name: 'Olga', role: 'operator', pin: PIN }, admin);
  await rpc('customers:refresh', {}, admin);
  const olga = await signIn('Olga');
  const batch = await rpc<{ id: number }>('batches:create', { name: BATCH }, olga);
  const [expectedBox = '', strayBox = ''] = pkids(2, 3_200_000_000_000);
  for (const raw of [expectedBox, strayBox]) await rpc('scans:record', { batchId: batch.id, raw, source: 'wedge', confirmPkid: true }, olga);
  await rpc('batches:close', { id: batch.id }, olga);

  watch(page);
  await page.goto(`${host.origin}/?token=${host.token}`);
  await signInWithKeypad(page, 'Liam', PIN);
  await expect(page.getByTestId('operator-badge')).toContainText('Liam');
  await page.keyboard.press('Alt+2');
  await page.getByTestId(`batch-open-${BATCH}`).click();

  // The supplier's list: previewed, the bad line in the error colour, nothing written until "Replace".
  await page.getByTestId('review-tab-expected').click();
  await page.getByTestId('expected-file').setInputFiles({ name: 'asn.csv', mimeType: 'text/csv', buffer: Buffer.from(['PKID', expectedBox, '12345'].join('\n')) });
  await expect(page.getByTestId('expected-preview-accepted')).toHaveAttribute('data-count', '1');
  const refused = page.getByTestId('expected-preview-refused');
  await expect(refused).toHaveClass(/message-error/);
  await expect(page.getByTestId('expected-refused-3')).toContainText('line 3');
  await expect(page.getByTestId('expected-none')).toBeVisible();
  await page.getByTestId('expected-commit').click();
  await expect(page.getByTestId('expected-notice')).toContainText('1 expected line read (1 line refused, left out)');
  await expect(page.getByTestId('expected-unexpected-count')).toHaveText('1');

  // Approving sends the stray box too: the dialog says so, and which.
  await page.getByTestId('approve-open').click();
  const unexpected = page.getByTestId('approve-unexpected');
  await expect(unexpected).toHaveAttribute('data-count', '1');
  await expect(unexpected).toContainText('1 line scanned but not on the expected list');
  await expect(unexpected).toContainText(`${strayBox} (Olga`);
  await page.getByTestId('approve-cancel').click();

  // The audit trail in words, with names.
  await page.keyboard.press('Alt+4');
  await page.getByTestId('reports-tab-audit').click();
  await page.getByTestId('audit-filter-action').fill('scans:record');
  await expect(page.getByTestId('audit-table')).toContainText(`Olga scanned PKID ${strayBox} into batch ${BATCH}`);
  await expect(page.getByTestId('audit-table')).toContainText(`PKID ${expectedBox}`);
});
