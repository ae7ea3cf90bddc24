// The review list's first paint, measured in the page (Debian Chromium against the real browser host)
// with one batch of 100,000 devices:
//  - first_render_100k_ms: a click on the batch's Open button -> the first review rows painted. In the
//    page: a capture click listener (installed before the app) takes performance.now(); a
//    MutationObserver sees the first `review-row-*` element; "painted" is two nested
//    requestAnimationFrames later (the frame after the one that drew the rows). Median of RUNS
//    openings (back to the batch list in between, so each opening mounts the review afresh);
//    first_render_100k_cold_ms is the first opening alone.
//  - scroll_middle_100k_ms: the list scrolled to row 50,000 -> that row painted (the keyset chain is
//    walked page by page, so this is the worst case of a long jump).
// Needs a built renderer (npx electron-vite build); the host serves out/renderer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { HostProcess } from '../test/helpers/host-process';
import { hostWithBigBatch } from './_seed';
import { signInAsAdmin } from './_sign-in';
import { percentile, round } from './stats';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium';

const RUNS = Number(process.env.REVIEW_UI_RUNS ?? 7);
const DEVICES = 100_000;
const FIRST_PKID = 1_000_000_000_000;

// Runs in the page before the app (a string: the Node tsconfig has no DOM types).
const RECORDER = `
(() => {
  const bench = { start: null, firstPaint: [], wanted: null, jump: [] };
  globalThis.__reviewBench = bench;
  addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('[data-testid^="batch-open-"]') : null;
    if (t) bench.start = performance.now();
  }, { capture: true });
  const painted = (start, into) => requestAnimationFrame(() => requestAnimationFrame(() => into.push(performance.now() - start)));
  const observer = new MutationObserver(() => {
    if (bench.start !== null && document.querySelector('[data-testid^="review-row-"]')) {
      const start = bench.start;
      bench.start = null;
      painted(start, bench.firstPaint);
    }
    if (bench.wanted !== null && document.querySelector('[data-testid="review-row-' + bench.wanted.pkid + '"]')) {
      const start = bench.wanted.start;
      bench.wanted = null;
      painted(start, bench.jump);
    }
  });
  addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true }));
})();
`;

interface BenchState {
  firstPaint: number[];
  jump: number[];
}

async function state(page: Page): Promise<BenchState> {
  return page.evaluate('({ firstPaint: [...__reviewBench.firstPaint], jump: [...__reviewBench.jump] })') as Promise<BenchState>;
}

async function waitFor(page: Page, key: keyof BenchState, n: number): Promise<void> {
  await page.waitForFunction(
    ({ key, n }) => (globalThis as unknown as { __reviewBench: BenchState }).__reviewBench[key].length >= n,
    { key, n },
    { timeout: 60_000, polling: 'raf' },
  );
}

async function measure(host: HostProcess): Promise<{ firstPaint: number[]; jump: number[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: RECORDER });
    await signInAsAdmin(page, host);
    await page.getByTestId('shell').waitFor();
    await page.keyboard.press('Alt+2');
    for (let run = 1; run <= RUNS; run++) {
      await page.getByTestId('batch-open-Big').click();
      await waitFor(page, 'firstPaint', run);
      if (run < RUNS) {
        await page.getByTestId('review-back').click();
        await page.getByTestId('batch-list').waitFor();
      }
    }
    // A long jump: row 50,000 (index 49,999) scrolled into view.
    const pkid = String(FIRST_PKID + 49_999);
    await page.evaluate(`__reviewBench.wanted = { pkid: '${pkid}', start: performance.now() };
      const list = document.querySelector('[data-testid="review-list"]');
      list.scrollTop = 49999 * 76;`);
    await waitFor(page, 'jump', 1);
    return await state(page);
  } finally {
    await browser.close();
  }
}

/** Filed with bench/review.ts's figures under `review` in results.json. */
export const resultKey = 'review';

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) throw new Error('bench review-ui: build the renderer first (npx electron-vite build)');
  const big = await hostWithBigBatch('dockside-bench-review-ui-', DEVICES, FIRST_PKID);
  const host = big.host;
  try {
    const { firstPaint, jump } = await measure(host);
    const warm = firstPaint.slice(1);
    return {
      first_render_100k_ms: round(percentile(warm.length > 0 ? warm : firstPaint, 50)),
      first_render_100k_cold_ms: round(firstPaint[0] ?? NaN),
      first_render_100k_runs: firstPaint.map(round),
      scroll_middle_100k_ms: round(jump[0] ?? NaN),
    };
  } finally {
    await big.close();
  }
}
