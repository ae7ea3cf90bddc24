// The shift lead's desk end to end, against the real host and core, with the Partner Center emulator
// behind it: one lead imports a 200-line PKID file through the UI (preview, refused line, commit) and
// closes the batch; the two-person rule keeps her from approving it. Another lead reviews the batch in
// the virtualised list, removes two lines, imports a supplier's list with three boxes never scanned,
// sees "3 missing", exports the Partner Center CSV as a download and approves the batch for a customer.
// A second test draws the shift report from scans spread over the day and opens the audit trail.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { isValidEan13 } from '../../shared/domain/barcode';
import { startEmulator, type RunningEmulator } from '../../electron/practice/emulator';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { signInWithKeypad, signOut } from './station-page';

const shots = 'test-results/screenshots';
const ADMIN = 'Ada';
const ADMIN_PIN = '482913';
const PIN = '739154';
const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71'; // electron/practice/emulator/seeds/demo.json
const BATCH = 'PO-200';

interface World {
  dataDir: string;
  emulator: RunningEmulator;
  host: HostProcess;
  problems: string[];
}

/** Distinct 13-digit PKIDs that are no valid EAN-13 (so nobody is asked whether they are PKIDs). */
function pkids(count: number, start: number): string[] {
  const out: string[] = [];
  for (let n = start; out.length < count; n += 7) if (!isValidEan13(String(n))) out.push(String(n));
  return out;
}

type Rpc = <T>(channel: string, input: unknown, session?: string) => Promise<T>;

/**
 * The emulator, then the real host pointed at it, set up over its own RPC (the core is not imported
 * here): the first admin, two leads (and any operators), the customer list fetched, then `seed`.
 */
async function startWorld(operators: string[], seed: (rpc: Rpc, signIn: (name: string) => Promise<string>, dbFile: string) => Promise<void>): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-e2e-review-'));
  const emulator = await startEmulator({ port: 0, seedFile: 'electron/practice/emulator/seeds/demo.json' });
  const host = await startHostProcess(dataDir, ['--partner-center-url', emulator.url, '--token', 'emulator-app-user-token']);
  const rpc: Rpc = async <T,>(channel: string, input: unknown, session?: string) => {
    const r = await host.rpc<T>(channel, input, session);
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
    return r.value as T;
  };
  const signIn = async (name: string): Promise<string> => (await rpc<{ token: string }>('session:signIn', { name, pin: name === ADMIN ? ADMIN_PIN : PIN })).token;
  await rpc('station:setupFirstAdmin', { name: ADMIN, pin: ADMIN_PIN });
  const admin = await signIn(ADMIN);
  for (const name of ['Lena', 'Liam']) await rpc('operators:add', { name, role: 'lead', pin: PIN }, admin);
  for (const name of operators) await rpc('operators:add', { name, role: 'operator', pin: PIN }, admin);
  // The customer list is cached from Partner Center (here: the emulator).
  await rpc('customers:refresh', {}, admin);
  await seed(rpc, signIn, join(dataDir, 'dockside.sqlite'));
  return { dataDir, emulator, host, problems: [] };
}

async function stopWorld(w: World): Promise<void> {
  await w.host.kill('SIGTERM');
  await w.emulator.close();
  rmSync(w.dataDir, { recursive: true, force: true });
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

async function signIn(page: Page, name: string): Promise<void> {
  await signInWithKeypad(page, name, PIN);
  await expect(page.getByTestId('operator-badge')).toContainText(name);
}

async function openBatches(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('batches-page')).toBeVisible();
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(300);
  if (!fullPage) return void (await page.screenshot({ path: `${shots}/${name}.png` }));
  // The page scrolls inside the shell: a tall window shows all of it.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}/${name}.png` });
  if (size) await page.setViewportSize(size);
}

test.describe('the shift lead reviews and approves a batch', () => {
  let world: World;
  test.afterEach(async ({ page }) => {
    // The page goes first: a host stopped under an open event stream makes the browser log an error.
    await page.close();
    await stopWorld(world);
    expect(world.problems, 'the page logged errors or CSP violations').toEqual([]);
  });

  test('import 200 as one lead; another lead removes 2, sees 3 missing, exports and approves', async ({ page }) => {
    test.setTimeout(90_000);
    world = await startWorld([], async (rpc, signIn) => {
      await rpc('batches:create', { name: BATCH }, await signIn('Lena'));
    });
    watch(page, world.problems);
    const boxes = pkids(200, 3_100_000_000_000);
    const unseen = pkids(3, 3_900_000_000_000);

    // Lena imports the supplier's 200 PKIDs through the UI: a preview with one refused line first.
    await page.goto(`${world.host.origin}/?token=${world.host.token}`);
    await signIn(page, 'Lena');
    await openBatches(page);
    await expect(page.getByTestId(`batch-row-${BATCH}`)).toHaveAttribute('data-state', 'open');
    await page.getByTestId(`batch-open-${BATCH}`).click();
    await expect(page.getByTestId('batch-state')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('review-empty')).toBeVisible();
    await page.getByTestId('review-tab-import').click();
    const csv = ['PKID', ...boxes.slice(0, 100), '12345', ...boxes.slice(100)].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'supplier-200.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByTestId('import-accepted')).toHaveAttribute('data-count', '200');
    await expect(page.getByTestId('import-refused-count')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('import-refused-102')).toBeVisible(); // heading is line 1
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toContainText('Imported 200 devices');
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await page.getByTestId('batch-close').click();
    await expect(page.getByTestId('batch-state')).toHaveAttribute('data-state', 'closed');

    // She imported the lines, so she may not approve them (two-person rule).
    await page.getByTestId('approve-open').click();
    await expect(page.getByTestId('approve-who')).toContainText('you imported lines of batch PO-200');
    await expect(page.getByTestId('approve-eligible')).toContainText('Liam');
    await expect(page.getByTestId('approve-confirm')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('approve-dialog')).toHaveCount(0);
    await signOut(page);

    // Liam reviews: 200 lines, only a window of them in the page.
    await signIn(page, 'Liam');
    await openBatches(page);
    await expect(page.getByTestId(`batch-row-${BATCH}`)).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('batch-count-closed')).toHaveText('1');
    await page.getByTestId(`batch-open-${BATCH}`).click();
    const list = page.getByTestId('review-list');
    await expect(list).toHaveAttribute('data-count', '200');
    const first = page.getByTestId(`review-row-${boxes[0]}`);
    await expect(first).toContainText('Lena');
    await expect(first).toContainText('Imported');
    await expect(first).toHaveAttribute('data-state', 'scanned');
    expect(await page.locator('.review-slot').count()).toBeLessThan(60);
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByTestId(`review-row-${boxes[199]}`)).toBeVisible();
    await expect(first).toHaveCount(0);
    await list.evaluate((el) => el.scrollTo({ top: 0 }));

    // Two lines come out, each with a reason; they stay in the list, struck through.
    for (const pkid of boxes.slice(0, 2)) {
      await page.getByTestId(`remove-${pkid}`).click();
      await expect(page.getByTestId('line-confirm')).toBeDisabled();
      await page.getByTestId('line-reason').fill('Box damaged, sent back');
      await page.getByTestId('line-confirm').click();
      await expect(page.getByTestId(`review-row-${pkid}`)).toHaveAttribute('data-state', 'removed');
    }
    await expect(page.getByTestId('review-live-count')).toHaveText('198');
    await expect(page.getByTestId(`restore-${boxes[0]}`)).toBeVisible();
    await shot(page, 'review-list');

    // "Where is this box?" from the keyboard.
    await page.keyboard.press('Control+f');
    await expect(page.getByTestId('find-query')).toBeFocused();
    await page.keyboard.type(boxes[0] ?? '');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`find-match-${boxes[0]}`)).toContainText(BATCH);
    await expect(page.getByTestId(`find-match-${boxes[0]}`)).toContainText('Removed by Liam');
    await page.getByTestId('find-clear').click();

    // The supplier's list: the 198 live boxes and 3 that never reached the dock.
    await page.getByTestId('review-tab-expected').click();
    await expect(page.getByTestId('expected-none')).toBeVisible();
    const expectedCsv = ['PKID', ...boxes.slice(2), ...unseen].join('\n');
    await page.getByTestId('expected-file').setInputFiles({ name: 'asn.csv', mimeType: 'text/csv', buffer: Buffer.from(expectedCsv) });
    // Previewed first (issue 19): written when the lead says so.
    await page.getByTestId('expected-commit').click();
    await expect(page.getByTestId('expected-missing-count')).toHaveText('3');
    await expect(page.getByTestId('expected-matched-count')).toHaveText('198');
    await expect(page.getByTestId('expected-unexpected-count')).toHaveText('0');
    for (const pkid of unseen) await expect(page.getByTestId(`expected-missing-${pkid}`)).toBeVisible();
    await shot(page, 'review-expected');

    // The Partner Center CSV, downloaded from a blob: URL under the app's CSP.
    await page.getByTestId('export-open').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-partner-center').click();
    const file = await download;
    const saved = readFileSync((await file.path()) ?? '', 'utf8');
    expect(saved).toContain(boxes[2]);
    expect(saved).not.toContain(boxes[0]);
    await expect(page.getByTestId('export-status')).toContainText('198 lines');
    await page.getByTestId('export-open').click(); // closes the menu

    // Approve: the checks first, then the customer.
    await page.getByTestId('approve-open').click();
    await expect(page.getByTestId('approve-count')).toHaveAttribute('data-count', '198');
    await expect(page.getByTestId('approve-missing')).toHaveAttribute('data-count', '3');
    await expect(page.getByTestId('approve-duplicates')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('approve-two-person')).toHaveAttribute('data-needs-second', 'false');
    await expect(page.getByTestId('approve-confirm')).toBeDisabled();
    await page.getByTestId('approve-customer-search').fill('contoso');
    await page.getByTestId(`approve-customer-${CONTOSO}`).click();
    await expect(page.getByTestId('approve-summary')).toContainText('Contoso Ltd');
    await shot(page, 'approve-dialog');
    await page.getByTestId('approve-confirm').click();
    await expect(page.getByTestId('approve-dialog')).toHaveCount(0);
    await expect(page.getByTestId('review-notice')).toContainText('approved for Contoso Ltd');
    await expect(page.getByTestId('batch-state')).toHaveAttribute('data-state', /approved|uploading|registered|needs_attention/);
    await expect(page.getByTestId(`remove-${boxes[5]}`)).toHaveCount(0);
  });
});

test.describe('reports', () => {
  let world: World;
  test.afterEach(async ({ page }) => {
    // The page goes first: a host stopped under an open event stream makes the browser log an error.
    await page.close();
    await stopWorld(world);
    expect(world.problems, 'the page logged errors or CSP violations').toEqual([]);
  });

  test('the shift chart shows scans per hour per operator; the audit trail says its chain is intact', async ({ page }) => {
    const now = Date.now();
    world = await startWorld(['Olga', 'Omar'], async (rpc, signIn, dbFile) => {
      const made = await rpc<{ id: number }>('batches:create', { name: 'Dock-A' }, await signIn('Olga'));
      // Scans spread over the last 6 hours by two operators: raw rows (the report reads scanned_at),
      // written beside the running host as any second writer would.
      const db = new Database(dbFile, { timeout: 5_000 });
      try {
        const ids = db.prepare("SELECT id, name FROM operators WHERE name IN ('Olga', 'Omar') ORDER BY name").all() as { id: number; name: string }[];
        const insert = db.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, 'wedge', ?, ?)");
        const codes = pkids(240, 3_500_000_000_000);
        db.transaction(() => {
          codes.forEach((pkid, i) => {
            const who = ids[i % 3 === 0 ? 1 : 0]?.id ?? 1;
            insert.run(made.id, pkid, pkid, who, now - Math.floor((i / codes.length) * 6 * 3_600_000) - 60_000);
          });
        })();
      } finally {
        db.close();
      }
    });
    watch(page, world.problems);
    await page.goto(`${world.host.origin}/?token=${world.host.token}`);
    await signIn(page, 'Liam');
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('reports-page')).toBeVisible();
    // Today, unless the day is younger than the scans (then the last 7 days, by day).
    const range = new Date(now).getHours() >= 7 ? 'today' : 'week';
    await page.getByTestId(`report-range-${range}`).click();
    const chart = page.getByTestId('report-scans-chart');
    await expect(chart).toHaveAttribute('data-total', '240');
    await expect(page.getByTestId('report-scans-chart-legend')).toContainText('Olga');
    await expect(page.getByTestId('report-scans-chart-legend')).toContainText('Omar');
    await expect(page.getByTestId('report-batches-open')).toContainText('1');
    await shot(page, 'reports-chart', true);

    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    expect((await download).suggestedFilename()).toMatch(/^shift-report-.*\.csv$/);

    await page.getByTestId('reports-tab-audit').click();
    await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-ok', 'true');
    await expect(page.locator('[data-action="customers:refresh"]')).toHaveCount(1);
    await page.getByTestId('audit-filter-action').fill('batches:create');
    await expect(page.locator('[data-action="batches:create"]')).toHaveCount(1);
    await expect(page.locator('[data-action="customers:refresh"]')).toHaveCount(0);
    await shot(page, 'audit-viewer');
  });
});
