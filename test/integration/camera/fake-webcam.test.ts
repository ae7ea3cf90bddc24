// The camera reader in a real browser: Debian Chromium with its fake capture device playing the
// label fixture (PKID + serial + EAN-13 slid under the camera), running the harness page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../e2e/camera-harness/harness-state';
import { serveCameraHarness, type HarnessServer } from '../../e2e/camera-harness/serve-harness';
import { LABEL_CODES, writeLabelVideo } from '../../fixtures/camera/make-label-video';
import { CHROMIUM_PATH, fakeCameraFlags } from '../../helpers/chromium';


const [PKID, SERIAL, GTIN] = LABEL_CODES;

describe('camera reader against a fake webcam', () => {
  let dir: string;
  let server: HarnessServer;
  let browser: Browser;
  let page: Page;
  const consoleNoise: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockside-camera-'));
    const video = await writeLabelVideo(join(dir, 'label.y4m'), { writePngs: false });
    server = await serveCameraHarness();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: fakeCameraFlags(video.path),
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') consoleNoise.push(message.text());
    });
    page.on('pageerror', (error) => consoleNoise.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => globalThis.cameraHarness !== undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the fake camera after asking for permission', async () => {
    const listed = await page.evaluate(() => globalThis.cameraHarness?.listCameras());
    expect(listed?.ok).toBe(true);
    expect(listed?.ok && listed.cameras.length).toBeGreaterThan(0);
  });

  it('accepts the PKID and the serial, and reports the EAN-13 as ean13', async () => {
    expect(await page.evaluate(() => globalThis.cameraHarness?.start())).toEqual({ status: 'started' });
    const bothAccepted = ([pkid, serial]: readonly string[]): boolean => {
      const accepted = globalThis.cameraHarness?.reads.filter((r) => r.decision === 'accepted') ?? [];
      return accepted.some((r) => r.text === pkid) && accepted.some((r) => r.text === serial);
    };
    // The file loops every ~2.4 s; three loops is plenty.
    await page.waitForFunction(bothAccepted, [PKID.value, SERIAL.value] as const, { timeout: 8_000, polling: 50 });
    // Let the EAN-13 hold play at least once more after the serial.
    await page.waitForTimeout(1_000);

    const { reads, startedAt, errors } = await page.evaluate(() => {
      const h = globalThis.cameraHarness;
      return { reads: [...(h?.reads ?? [])], startedAt: h?.startedAt, errors: [...(h?.errors ?? [])] };
    });
    const accepted = reads.filter((r) => r.decision === 'accepted');
    expect(errors).toEqual([]);
    // Empty frames must stay silent (zxing-js/library 0.23.0 warns on each one via MultiFormatReader).
    expect(consoleNoise).toEqual([]);
    expect(accepted.find((r) => r.text === PKID.value)?.symbology).toBe('code128');
    expect(accepted.find((r) => r.text === SERIAL.value)?.symbology).toBe('code128');
    expect(reads.find((r) => r.text === GTIN.value)?.symbology).toBe('ean13');
    // Nothing but the three printed codes: no phantom EAN-8/UPC-E, no misread Code 128.
    const printed = new Set<string>(LABEL_CODES.map((c) => c.value));
    expect(reads.filter((r) => !printed.has(r.text))).toEqual([]);
    // Once accepted, a code that stays in view is suppressed, never accepted twice within 1.5 s.
    for (const code of LABEL_CODES) {
      const times = accepted.filter((r) => r.text === code.value).map((r) => r.at);
      times.slice(1).forEach((at, i) => expect(at - (times[i] ?? 0)).toBeGreaterThanOrEqual(1500));
    }

    const first = accepted[0];
    const firstRaw = reads[0];
    if (startedAt !== undefined && first !== undefined && firstRaw !== undefined) {
      console.log(
        `[camera] start -> first raw read ${Math.round(firstRaw.at - startedAt)} ms, first accepted read ${Math.round(first.at - startedAt)} ms (${first.text}); ` +
          `${reads.length} reads, ${accepted.length} accepted`,
      );
    }
  });

  it('stop() ends every camera track and detaches the video', async () => {
    const report = await page.evaluate(() => globalThis.cameraHarness?.stop());
    if (report === undefined) throw new Error('camera harness missing');
    expect(report.running).toBe(false);
    expect(report.videoSourceCleared).toBe(true);
    expect(report.trackStates.length).toBeGreaterThan(0);
    expect(report.trackStates.every((state) => state === 'ended')).toBe(true);
  });
});
