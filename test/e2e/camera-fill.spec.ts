// Issue 13's camera finding end to end: the Scan page, the real host and core, and a fake webcam
// (Chromium playing a Code 128 PKID held so close it fills the frame, its ends outside the aim box).
// The PKID must be stored as a camera scan, once, and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { FILLING_PKID, writeFillingVideo } from '../fixtures/camera/make-filling-video';
import { CHROMIUM_PATH, fakeCameraFlags } from '../helpers/chromium';
import { expect, test } from './fixtures';
import { createFirstAdmin, rpcFromPage, signInWithKeypad } from './station-page';

interface DeviceRow {
  pkid: string | null;
  serial: string | null;
  source: string;
}

let dir: string;
let videoPath: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-camera-fill-e2e-'));
  videoPath = (await writeFillingVideo(join(dir, 'filling.y4m'))).path;
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a PKID that fills the webcam picture is recorded once, as a camera scan', async ({ station }) => {
  test.setTimeout(90_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: fakeCameraFlags(videoPath) });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(station.url);
    await createFirstAdmin(page, 'Ada', '246813');
    await signInWithKeypad(page, 'Ada', '246813');
    await expect(page.getByTestId('new-batch-name')).toBeFocused();
    await page.keyboard.type('Close up');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-batch-name')).toHaveText('Close up');

    await page.keyboard.press('Alt+c');
    await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-status', 'on');
    await expect(page.locator(`[data-testid="recent-scan"][data-pkid="${FILLING_PKID}"]`).first()).toBeVisible({ timeout: 15_000 });
    // The label stays under the camera: it must not be recorded again (the repeat rule), nor refused.
    await page.waitForTimeout(2_000);
    await expect(page.getByTestId('batch-count')).toHaveText('1');
    await expect(page.locator('[data-testid="recent-scan"][data-verdict="invalid"]')).toHaveCount(0);
    const batches = await rpcFromPage<{ id: number }[]>(page, 'batches:list', {});
    const devices = await rpcFromPage<DeviceRow[]>(page, 'scans:recent', { batchId: batches[0]?.id, limit: 20 });
    expect(devices.map((d) => [d.pkid, d.source])).toEqual([[FILLING_PKID, 'camera']]);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
