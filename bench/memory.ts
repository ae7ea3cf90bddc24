// Memory with one batch of 100,000 devices, the size a big site reaches (issue 7):
//  - host_rss_mb: resident set of the browser-host process (`dockside serve`, the same code the
//    Electron main process runs) after Chromium has opened the batch's review and the host has served
//    the review list. host_rss_idle_mb is the same process before any page connected;
//    host_rss_peak_mb its high-water mark (VmHWM).
//  - renderer_heap_100k_mb: used JS heap of the Chromium page with the batch open in the review
//    screen, after a forced garbage collection (CDP HeapProfiler.collectGarbage, then
//    Runtime.getHeapUsage). renderer_heap_100k_scrolled_mb: the same after a jump to row 50,000,
//    which walks the list's pages.
// Builds the renderer first when out/renderer is missing or stale (bench/_renderer.ts; the host serves it).
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { HostProcess } from '../test/helpers/host-process';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { hostWithBigBatch } from './_seed';
import { ensureRendererBuilt } from './_renderer';
import { signInAsAdmin } from './_sign-in';
import { round } from './stats';

const DEVICES = 100_000;
const FIRST_PKID = 1_000_000_000_000;
const MB = 1024 * 1024;

/** VmRSS and VmHWM of a Linux process, in MB. */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match?.[1]) throw new Error(`bench memory: no ${field} in /proc/${pid}/status`);
    return Number(match[1]) / 1024;
  };
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function usedHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

async function openReview(host: HostProcess, page: Page): Promise<void> {
  await signInAsAdmin(page, host);
  await page.getByTestId('shell').waitFor();
  await page.keyboard.press('Alt+2');
  await page.getByTestId('batch-open-Big').click();
  await page.locator('[data-testid^="review-row-"]').first().waitFor({ timeout: 60_000 });
  // The summary too: proves the open batch is the 100,000-device one and its counts have arrived.
  await page.getByTestId('review-live-count').filter({ hasText: /^100\D?000$/ }).waitFor({ timeout: 60_000 });
}

async function scrollToMiddle(page: Page): Promise<void> {
  const pkid = String(FIRST_PKID + 49_999);
  // Same jump as bench/review-ui.ts: 76 px rows, row 50,000 (index 49,999).
  await page.evaluate(`document.querySelector('[data-testid="review-list"]').scrollTop = 49999 * 76;`);
  await page.getByTestId(`review-row-${pkid}`).waitFor({ timeout: 60_000 });
}

export async function run(): Promise<Record<string, unknown>> {
  ensureRendererBuilt('memory');
  const big = await hostWithBigBatch('dockside-bench-memory-', DEVICES, FIRST_PKID);
  const host = big.host;
  try {
    const pid = host.child.pid;
    if (pid === undefined) throw new Error('bench memory: the host process has no pid');
    const idle = processMemory(pid);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await openReview(host, page);
      const renderer = await usedHeapMb(page);
      const served = processMemory(pid);
      await scrollToMiddle(page);
      const scrolled = await usedHeapMb(page);
      const after = processMemory(pid);
      return {
        host_rss_mb: round(served.rss, 1),
        host_rss_idle_mb: round(idle.rss, 1),
        host_rss_peak_mb: round(after.peak, 1),
        renderer_heap_100k_mb: round(renderer, 1),
        renderer_heap_100k_scrolled_mb: round(scrolled, 1),
        devices: DEVICES,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await big.close();
  }
}
