// The Scan page end to end, against the real host and core: keyboard-wedge scans typed at scanner
// speed and at human speed, duplicates, refusals, undo, keyboard-layout damage, and a fake webcam
// (Chromium playing the label video) whose PKID and serial must end up in one box.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { LABEL_CODES, writeLabelVideo } from '../fixtures/camera/make-label-video';
import { expect, test } from './fixtures';
import { createFirstAdmin, rpcFromPage, signInWithKeypad } from './station-page';
import { CHROMIUM_PATH, fakeCameraFlags } from '../helpers/chromium';

const shots = 'test-results/screenshots';
const PKID = '3905012345678'; // fails the EAN-13 check: a PKID without question
const AZERTY_PKID = '6130760003760'; // onscan issue #15's digits, check digit changed so it is no EAN-13
const EAN_LIKE = '4006381333931'; // passes the EAN-13 check: the operator is asked

const ADMIN = { name: 'Ada', pin: '246813' };

/** First run, sign in, and a new batch started from the keyboard alone. */
async function startScanning(page: Page, url: string, batchName: string): Promise<void> {
  await page.goto(url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expect(page.getByTestId('batch-picker')).toBeVisible();
  // No batch is open, so the name field has focus.
  await expect(page.getByTestId('new-batch-name')).toBeFocused();
  await page.keyboard.type(batchName);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-batch-name')).toHaveText(batchName);
  await expect(page.getByTestId('batch-count')).toHaveText('0');
}

/** A keyboard-wedge scan: `delay` ms per key, then Enter. */
async function wedgeScan(page: Page, text: string, delay = 5): Promise<void> {
  await page.keyboard.type(text, { delay });
  await page.keyboard.press('Enter');
}

/** A screenshot once the verdict's flash has settled. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/${name}.png` });
}

async function verdictSeq(page: Page): Promise<string | null> {
  return page.getByTestId('scan-verdict').getAttribute('data-seq');
}

/** Calls the station from inside the page, with the page's own session (as the UI does). */

/**
 * Keydowns dispatched in the page with chosen key and code, `gapMs` apart, then Enter: how a US-layout
 * scanner types on a PC set to another layout (Playwright's keyboard cannot produce that damage).
 */
async function dispatchKeys(page: Page, keys: readonly { key: string; code: string }[], gapMs = 5): Promise<void> {
  await page.evaluate(
    async ({ keys, gapMs }) => {
      const g = globalThis as unknown as {
        KeyboardEvent: new (type: string, init: Record<string, unknown>) => Event;
        document: { activeElement: EventTarget | null; body: EventTarget };
        setTimeout(fn: () => void, ms: number): unknown;
      };
      const sleep = (ms: number): Promise<void> => new Promise((resolve) => g.setTimeout(resolve, ms));
      for (const k of [...keys, { key: 'Enter', code: 'Enter' }]) {
        (g.document.activeElement ?? g.document.body).dispatchEvent(new g.KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true, composed: true }));
        await sleep(gapMs);
      }
    },
    { keys, gapMs },
  );
}

/** What a US scanner's digit row types on a French AZERTY PC. */
const AZERTY_DIGITS: Readonly<Record<string, string>> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à' };

interface DeviceRow {
  pkid: string | null;
  serial: string | null;
  source: string;
}

test('wedge scans: accepted, human typing ignored, duplicate, refused, undo, AZERTY damage undone', async ({ page, station }) => {
  mkdirSync(shots, { recursive: true });
  await startScanning(page, station.url, 'Pallet 1');
  const verdict = page.getByTestId('scan-verdict');
  const count = page.getByTestId('batch-count');
  await expect(verdict).toHaveAttribute('data-verdict', 'idle');
  await shot(page, 'scan-idle');

  await wedgeScan(page, PKID);
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('scan-verdict-message')).toHaveText(`PKID ${PKID} accepted.`);
  await expect(count).toHaveText('1');
  await shot(page, 'scan-accepted');

  // The same digits typed by a person (150 ms a key) are not a scan: nothing changes.
  const seq = await verdictSeq(page);
  await wedgeScan(page, PKID, 150);
  await page.waitForTimeout(300);
  expect(await verdictSeq(page)).toBe(seq);
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(count).toHaveText('1');

  await wedgeScan(page, PKID);
  await expect(verdict).toHaveAttribute('data-verdict', 'duplicate');
  await expect(page.getByTestId('scan-verdict-message')).toContainText(`PKID ${PKID} is already in this batch`);
  await expect(count).toHaveText('1');
  await shot(page, 'scan-duplicate');

  await wedgeScan(page, '123456789013');
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(page.getByTestId('scan-verdict-message')).toContainText('12 digits read (123456789013)');
  await expect(count).toHaveText('1');
  await shot(page, 'scan-invalid');

  await page.keyboard.press('Control+z');
  await expect(verdict).toHaveAttribute('data-verdict', 'undo');
  await expect(page.getByTestId('scan-verdict-message')).toContainText(`Removed PKID ${PKID}`);
  await expect(count).toHaveText('0');

  // A serial first (undo closed the last box): the box waits for its PKID.
  await wedgeScan(page, '9ZB4K73');
  await expect(page.getByTestId('waiting-serial')).toContainText('9ZB4K73 waiting for its PKID');
  await shot(page, 'scan-serial-waiting');

  // Its PKID, from a US-layout scanner on an AZERTY PC: the digit row types symbols; the physical
  // keys still say which digit.
  await dispatchKeys(page, [...AZERTY_PKID].map((d) => ({ key: AZERTY_DIGITS[d] ?? d, code: `Digit${d}` })));
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('scan-verdict-message')).toHaveText(`PKID ${AZERTY_PKID} accepted with serial 9ZB4K73.`);
  await expect(page.getByTestId('waiting-serial')).toHaveCount(0);
  await expect(count).toHaveText('1');

  // A 13-digit read that is also a valid EAN-13: asked, kept with Enter.
  await wedgeScan(page, EAN_LIKE);
  await expect(verdict).toHaveAttribute('data-verdict', 'confirm');
  await shot(page, 'scan-confirm');
  await page.keyboard.press('Enter');
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(count).toHaveText('2');

  const batches = await rpcFromPage<{ id: number; name: string }[]>(page, 'batches:list', {});
  const devices = await rpcFromPage<DeviceRow[]>(page, 'scans:recent', { batchId: batches[0]?.id, limit: 20 });
  expect(devices.map((d) => [d.pkid, d.serial])).toEqual([
    [EAN_LIKE, null],
    [AZERTY_PKID, '9ZB4K73'],
  ]);

  // Finish the batch from the keyboard: Alt+F, Enter.
  await page.keyboard.press('Alt+f');
  await expect(page.getByTestId('close-batch-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-notice')).toHaveText('Batch Pallet 1 is ready for review, with 2 boxes.');
});

test('Ctrl+Z after a serial joined a box takes back the serial only: the box and its count stay', async ({ page, station }) => {
  await startScanning(page, station.url, 'Pallet U');
  const count = page.getByTestId('batch-count');
  await wedgeScan(page, PKID);
  await expect(count).toHaveText('1');
  await wedgeScan(page, '9ZB4K73');
  await expect(page.getByTestId('scan-verdict-message')).toHaveText(`Serial 9ZB4K73 (Dell Inc.) added to box ${PKID}.`);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scan-verdict')).toHaveAttribute('data-verdict', 'undo');
  await expect(page.getByTestId('scan-verdict-message')).toContainText(`Took back serial 9ZB4K73: box ${PKID} keeps its PKID`);
  await expect(count).toHaveText('1');
  // In "Last scans" the serial's line is undone, the PKID's line is not.
  await expect(page.getByTestId('recent-scan').nth(0)).toHaveAttribute('data-undone', 'true');
  await expect(page.getByTestId('recent-scan').nth(1)).toHaveAttribute('data-undone', 'false');
  // The right serial joins the same box.
  await wedgeScan(page, '9ZB4K74');
  await expect(page.getByTestId('scan-verdict-message')).toHaveText(`Serial 9ZB4K74 (Dell Inc.) added to box ${PKID}.`);
  await expect(count).toHaveText('1');
  await shot(page, 'scan-undo-serial');
});

test('the batch picker resumes an open batch with the arrow keys and Enter', async ({ page, station }) => {
  await startScanning(page, station.url, 'Dock A');
  await wedgeScan(page, PKID);
  await expect(page.getByTestId('batch-count')).toHaveText('1');
  await page.keyboard.press('Alt+b');
  await expect(page.getByTestId('batch-picker')).toBeVisible();
  await page.getByTestId('new-batch-name').focus();
  await page.keyboard.type('Dock B');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-batch-name')).toHaveText('Dock B');
  await page.keyboard.press('Alt+b');
  // Newest first and focused: Dock B; the arrow key moves to Dock A, with its count.
  await expect(page.getByTestId('batch-option-Dock B')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('batch-option-Dock A')).toBeFocused();
  await expect(page.getByTestId('batch-option-Dock A')).toContainText('1 box');
  await shot(page, 'scan-picker');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-batch-name')).toHaveText('Dock A');
  await expect(page.getByTestId('batch-count')).toHaveText('1');
  await expect(page.getByTestId('recent-scan')).toHaveCount(1);
});

test('Settings > Scanner test shows each burst and lets an admin change the thresholds', async ({ page, station }) => {
  await startScanning(page, station.url, 'Pallet 1');
  await page.keyboard.press('Alt+5');
  await page.getByTestId('settings-tab-scanner').click();
  await expect(page.getByTestId('bursts-empty')).toBeVisible();
  await page.locator('body').focus();
  // This test is about the page, not timing: on a loaded machine a stall can cut a burst, so type again.
  const burst = page.getByTestId('burst').first();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await wedgeScan(page, PKID);
    await expect(page.getByTestId('burst')).not.toHaveCount(0);
    await page.waitForTimeout(200);
    if ((await burst.getByTestId('burst-classified').textContent()) === `PKID ${PKID}`) break;
  }
  await expect(burst).toHaveAttribute('data-accepted', 'true');
  await expect(burst.getByTestId('burst-classified')).toHaveText(`PKID ${PKID}`);
  await expect(burst.getByTestId('burst-terminator')).toHaveText('Enter (suffix)');
  await expect(burst.getByTestId('gap-bar')).toHaveCount(12);
  await wedgeScan(page, PKID, 150);
  await expect(page.getByTestId('burst').first()).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('burst').first().getByTestId('burst-reason')).toHaveText(/typed by a person: 13 keys with gaps up to (1[4-9]\d|[2-9]\d\d|\d{4}) ms/);
  await dispatchKeys(page, [...AZERTY_PKID].map((d) => ({ key: AZERTY_DIGITS[d] ?? d, code: `Digit${d}` })));
  await expect(page.getByTestId('burst').first().getByTestId('burst-reading')).toContainText('Recovered from the physical keys');
  await shot(page, 'scanner-test');

  await page.getByTestId('threshold-scanner.maxGapMs').fill('9999');
  await page.getByTestId('threshold-save').click();
  await expect(page.getByTestId('threshold-error-scanner.maxGapMs')).toContainText('The setting scanner.maxGapMs cannot take that value');
  await page.getByTestId('threshold-scanner.maxGapMs').fill('120');
  await page.getByTestId('threshold-save').click();
  await expect(page.getByTestId('threshold-status')).toHaveText('Saved 1 setting. The scanner uses them from now on.');
  await expect(page.getByTestId('scanner-test-settings')).toContainText('no gap over 120 ms');
});

test.describe('camera', () => {
  let dir: string;
  let videoPath: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockside-scan-camera-'));
    videoPath = (await writeLabelVideo(join(dir, 'label.y4m'), { writePngs: false })).path;
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a label under the webcam: PKID and serial in one box, the EAN-13 ignored', async ({ station }) => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: fakeCameraFlags(videoPath),
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await startScanning(page, station.url, 'Camera 1');
      await page.keyboard.press('Alt+c');
      await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-status', 'on');
      await expect(page.getByTestId('camera-aim')).toBeVisible();

      const [pkid, serial, gtin] = LABEL_CODES;
      const box = page.locator(`[data-testid="recent-scan"][data-pkid="${pkid.value}"][data-serial="${serial.value}"]`);
      await expect(box.first()).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('camera-ignored')).toHaveText(`ignored: retail barcode EAN-13 ${gtin.value}`, { timeout: 10_000 });
      await shot(page, 'scan-camera');
      await expect(page.locator('[data-testid="recent-scan"][data-verdict="invalid"]')).toHaveCount(0);

      const batches = await rpcFromPage<{ id: number }[]>(page, 'batches:list', {});
      const devices = await rpcFromPage<DeviceRow[]>(page, 'scans:recent', { batchId: batches[0]?.id, limit: 20 });
      expect(devices.map((d) => [d.pkid, d.serial, d.source])).toEqual([[pkid.value, serial.value, 'camera']]);

      // Leaving the page stops the camera.
      await page.keyboard.press('Alt+5');
      await expect(page.getByTestId('camera-panel')).toHaveCount(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

