// Issue 13's finding, live: a fake webcam playing a Code 128 PKID held close enough to fill the
// frame. Its frames are checked in Node first (the aim box alone cannot read them: that is the bug),
// then the real reader runs on them in Debian Chromium and must accept the PKID, and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../e2e/camera-harness/harness-state';
import { serveCameraHarness, type HarnessServer } from '../../e2e/camera-harness/serve-harness';
import { AIM_FRACTION } from '../../../renderer/src/scanner/camera-aim';
import { createFrameDecoder } from '../../../renderer/src/scanner/camera-frame-decoder';
import { FILLING_PKID, writeFillingVideo } from '../../fixtures/camera/make-filling-video';
import { readY4mFrames } from '../../fixtures/camera/y4m';
import { CHROMIUM_PATH, fakeCameraFlags } from '../../helpers/chromium';

describe('camera reader: a code that fills the frame', () => {
  let dir: string;
  let videoPath: string;
  let server: HarnessServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockside-camera-fill-'));
    videoPath = (await writeFillingVideo(join(dir, 'filling.y4m'))).path;
    server = await serveCameraHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: fakeCameraFlags(videoPath) });
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => globalThis.cameraHarness !== undefined);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is lost by the aim box alone and read in the whole frame (the fixture shows the bug)', () => {
    const decoder = createFrameDecoder(AIM_FRACTION);
    const frames = readY4mFrames(videoPath).map((f) => decoder.views({ width: f.width, height: f.height, lum: new Uint8ClampedArray(f.lum) }));
    expect(frames.map((views) => decoder.decode(views, 'aim')?.text)).toEqual(frames.map(() => undefined));
    expect(frames.filter((views) => decoder.decode(views, 'whole')?.text === FILLING_PKID).length).toBeGreaterThanOrEqual(frames.length - 1);
  });

  it('is accepted by the running reader, quickly, with no other value read', async () => {
    expect(await page.evaluate(() => globalThis.cameraHarness?.start())).toEqual({ status: 'started' });
    await page.waitForFunction((pkid) => globalThis.cameraHarness?.reads.some((r) => r.text === pkid && r.decision === 'accepted') === true, FILLING_PKID, {
      timeout: 10_000,
      polling: 50,
    });
    await page.waitForTimeout(1_000);
    const { reads, attempts, startedAt } = await page.evaluate(() => {
      const h = globalThis.cameraHarness;
      return { reads: [...(h?.reads ?? [])], attempts: [...(h?.attempts ?? [])], startedAt: h?.startedAt ?? 0 };
    });
    await page.evaluate(() => globalThis.cameraHarness?.stop());
    expect(reads.filter((r) => r.text !== FILLING_PKID)).toEqual([]);
    const accepted = reads.filter((r) => r.decision === 'accepted');
    expect(accepted.map((r) => [r.text, r.symbology])).toEqual([[FILLING_PKID, 'code128']]);
    // Never from the aim box: it cannot see the code's ends.
    expect(reads.some((r) => r.view === 'aim')).toBe(false);
    expect(attempts.length).toBeGreaterThan(reads.length);
    console.log(`[camera filling] first accepted ${Math.round((accepted[0]?.at ?? 0) - startedAt)} ms after start; ${reads.length} reads in ${attempts.length} attempts`);
  });
});
