// The Batches page. The review list of a very large batch: only the rows in view are fetched, by position.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX } from '../../../../../renderer/src/features/batches/fixed-rows';
import { ROW_HEIGHT } from '../../../../../renderer/src/features/batches/ReviewList';
import { openReview, withFakeLayout } from './batches-page-setup';
import { device, ok, ReviewFake } from './review-fake';

withFakeLayout();

describe('review', () => {
  it('renders a window of a 10,000-line batch, fetched page by page, never all of it', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 10_000);
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe('10000'));
    await screen.findByTestId('review-row-3000000000001');
    expect(document.querySelectorAll('.review-slot').length).toBeLessThan(40);
    const pages = fake.calls('review:devices');
    expect(pages.length).toBe(1);
    expect(pages[0]).toMatchObject({ batchId: 1, state: 'all', after: 0 });
    expect(Number(pages[0]?.limit)).toBeLessThanOrEqual(1000);
  });

  it('a drag of the scrollbar to line 5,000 fetches that page by position, not the pages before it; filters stay', async () => {
    const fake = new ReviewFake();
    fake.fill(1, 10_000);
    for (const d of fake.devices) if (d.id % 4 === 0) d.state = 'failed';
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe('10000'));
    await act(async () => {
      list.scrollTop = 4_999 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    await screen.findByTestId('review-row-3000000005000');
    const slot = screen.getByTestId('review-row-3000000005000').parentElement;
    expect(slot?.getAttribute('aria-rowindex')).toBe('5000');
    expect(slot?.style.transform).toBe(`translateY(${4_999 * ROW_HEIGHT}px)`);
    const byPosition = fake.calls('review:rows');
    expect(byPosition.length).toBeLessThanOrEqual(2);
    expect(byPosition.every((c) => Number(c.offset) >= 4_800)).toBe(true);
    expect(fake.calls('review:devices').length).toBe(1);
    // The same jump among the failed lines only: line 1,250 of the filtered list is PKID …5000.
    fireEvent.change(screen.getByTestId('review-filter-state'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getByTestId('review-list').dataset.count).toBe('2500'));
    const filtered = screen.getByTestId('review-list');
    await act(async () => {
      filtered.scrollTop = 1_249 * ROW_HEIGHT;
      fireEvent.scroll(filtered);
    });
    expect((await screen.findByTestId('review-row-3000000005000')).dataset.state).toBe('failed');
    expect(fake.calls('review:rows').at(-1)).toMatchObject({ state: 'failed', offset: 1_200 });
    expect(document.querySelectorAll('[data-state]:not([data-state="failed"]).review-row').length).toBe(0);
  });

  it('a million lines: the scroller stays within what a browser can lay out, and its end shows the last line', async () => {
    const fake = new ReviewFake();
    const MILLION = 1_000_000;
    const line = (i: number) => device(i + 1, 1);
    const rowsFrom = (offset: number, limit: number) => Array.from({ length: Math.max(0, Math.min(limit, MILLION - offset)) }, (_, i) => line(offset + i));
    const totals = { matching: MILLION, byState: { all: MILLION, live: MILLION, removed: 0, scanned: MILLION, queued: 0, sending: 0, registered: 0, failed: 0 }, byOperator: [], bySource: [] };
    fake.station.overrides.set('review:devices', (input) => ok({ rows: rowsFrom(0, Number(input.limit)), nextAfter: Number(input.limit), totals }));
    fake.station.overrides.set('review:rows', (input) => ok({ rows: rowsFrom(Number(input.offset), Number(input.limit)), offset: Number(input.offset) }));
    await openReview(fake);
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(list.dataset.count).toBe(String(MILLION)));
    const inner = list.firstElementChild as HTMLElement;
    expect(parseFloat(inner.style.height)).toBeLessThanOrEqual(MAX_SCROLL_PX);
    await act(async () => {
      list.scrollTop = parseFloat(inner.style.height) - 600;
      fireEvent.scroll(list);
    });
    const last = await screen.findByTestId(`review-row-${3_000_000_000_000 + MILLION}`);
    expect(last.parentElement?.getAttribute('aria-rowindex')).toBe(String(MILLION));
    // Drawn at the bottom of the view: 600 px of view, rows of 76 px.
    expect(last.parentElement?.style.transform).toBe(`translateY(${parseFloat(inner.style.height) - ROW_HEIGHT}px)`);
    // The middle of the scrollbar is the middle of the batch.
    await act(async () => {
      list.scrollTop = (parseFloat(inner.style.height) - 600) / 2;
      fireEvent.scroll(list);
    });
    const shown = await waitFor(() => {
      const ids = [...list.querySelectorAll('[data-testid^="review-row-"]')].map((el) => Number(el.getAttribute('data-testid')?.slice(11)) - 3_000_000_000_000);
      expect(ids.length).toBeGreaterThan(0);
      return ids;
    });
    expect(Math.min(...shown)).toBeLessThan(500_000);
    expect(Math.max(...shown)).toBeGreaterThan(500_000);
    expect(fake.calls('review:rows').length).toBeLessThanOrEqual(4);
  });

});
