// The review list's first paint, measured in the page (Debian Chromium against the real browser host)
// with one batch of 100,000 devices:
//  - first_render_100k_ms: a click on the batch's Open button -> the first review rows painted. In the
//    page: a capture click listener (installed before the app) takes performance.now(); a
//    MutationObserver sees the first `review-row-*` element; "painted" is two nested
//    requestAnimationFrames later (the frame after the one that drew the rows). Median of RUNS
//    openings (back to the batch list in between, so each opening mounts the review afresh);
//    first_render_100k_cold_ms is the first opening alone.
//  - scroll_middle_100k_ms: the list scrolled to row 50,000 (as a drag of the scrollbar leaves it) ->
//    that row painted; scroll_jump_100k_ms: median / p99 of JUMPS such jumps to rows all over the
//    batch (each page is fetched by position: no jump walks the pages before it).
//  - scroll_jump_1m_ms: the same jumps in a batch of 1,000,000 devices (the scroller is squeezed below
//    the browser's height limit there: the scrollTop for a row is worked out from the scroller's
//    height). REVIEW_UI_MILLION=0 skips it (seeding a million devices takes a while).
// Needs a built renderer: built here when missing or stale (bench/_renderer.ts); the host serves out/renderer.
import { chromium, type Page } from '@playwright/test';
import type { HostProcess } from '../test/helpers/host-process';
import { hostWithBigBatch } from './_seed';
import { ensureRendererBuilt } from './_renderer';
import { signInAsAdmin } from './_sign-in';
import { percentile, round, summary } from './stats';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium';

// ReviewList's ROW_HEIGHT (the renderer module is not imported into Node).
const ROW_HEIGHT = 76;

const RUNS = Number(process.env.REVIEW_UI_RUNS ?? 7);
const JUMPS = Number(process.env.REVIEW_UI_JUMPS ?? 15);
const MILLION = process.env.REVIEW_UI_MILLION !== '0';
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

/** Rows to jump to: the middle first, then spread over the whole batch (never the same page twice). */
function jumpTargets(devices: number, n: number): number[] {
  const out = [Math.floor(devices / 2) - 1];
  for (let i = 1; out.length < n; i++) out.push(Math.floor(((i * 0.618034) % 1) * (devices - 1)));
  return out;
}

/** Scrolls the list so row `index` is at the top (the scrollbar's own mapping, squeezed or not) and waits for it painted. */
async function jump(page: Page, index: number, count: number, done: number): Promise<void> {
  const pkid = String(FIRST_PKID + index);
  await page.evaluate(`(() => {
    const list = document.querySelector('[data-testid="review-list"]');
    const content = ${count} * ${ROW_HEIGHT};
    const ratio = list.scrollHeight > list.clientHeight ? (content - list.clientHeight) / (list.scrollHeight - list.clientHeight) : 1;
    __reviewBench.wanted = { pkid: '${pkid}', start: performance.now() };
    list.scrollTop = ${index} * ${ROW_HEIGHT} / ratio;
  })()`);
  await waitFor(page, 'jump', done);
}

async function measure(host: HostProcess, devices: number, opens: number): Promise<{ firstPaint: number[]; jump: number[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: RECORDER });
    await signInAsAdmin(page, host);
    await page.getByTestId('shell').waitFor();
    await page.keyboard.press('Alt+2');
    for (let run = 1; run <= opens; run++) {
      await page.getByTestId('batch-open-Big').click();
      await waitFor(page, 'firstPaint', run);
      if (run < opens) {
        await page.getByTestId('review-back').click();
        await page.getByTestId('batch-list').waitFor();
      }
    }
    // Long jumps, as a drag of the scrollbar makes them: the middle first, then all over the batch.
    const targets = jumpTargets(devices, JUMPS);
    for (const [i, index] of targets.entries()) await jump(page, index, devices, i + 1);
    return await state(page);
  } finally {
    await browser.close();
  }
}

/** Filed with bench/review.ts's figures under `review` in results.json. */
export const resultKey = 'review';

export async function run(): Promise<Record<string, unknown>> {
  ensureRendererBuilt('review-ui');
  const figures: Record<string, unknown> = {};
  const big = await hostWithBigBatch('dockside-bench-review-ui-', DEVICES, FIRST_PKID);
  try {
    const { firstPaint, jump } = await measure(big.host, DEVICES, RUNS);
    const warm = firstPaint.slice(1);
    Object.assign(figures, {
      first_render_100k_ms: round(percentile(warm.length > 0 ? warm : firstPaint, 50)),
      first_render_100k_cold_ms: round(firstPaint[0] ?? NaN),
      first_render_100k_runs: firstPaint.map(round),
      scroll_middle_100k_ms: round(jump[0] ?? NaN),
      scroll_jump_100k_ms: summary(jump),
    });
  } finally {
    await big.close();
  }
  if (MILLION) {
    const huge = await hostWithBigBatch('dockside-bench-review-ui-1m-', 1_000_000, FIRST_PKID);
    try {
      const { firstPaint, jump } = await measure(huge.host, 1_000_000, 1);
      Object.assign(figures, { first_render_1m_ms: round(firstPaint[0] ?? NaN), scroll_middle_1m_ms: round(jump[0] ?? NaN), scroll_jump_1m_ms: summary(jump) });
    } finally {
      await huge.close();
    }
  }
  return figures;
}
