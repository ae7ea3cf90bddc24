import { describe, expect, it } from 'vitest';
import { RowPages } from '../../../../../renderer/src/features/batches/row-pages';
import { device } from './review-fake';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => device(from + i, 1));

describe('RowPages', () => {
  it('fetches page 0 with the counts, then any page in view straight by its position, never the pages before it', () => {
    const p = new RowPages(10);
    expect(p.nextFetch(0, 5)).toMatchObject({ page: 0, offset: 0, withTotals: true });
    p.store(0, rows(1, 10), undefined, 100_000);
    expect(p.count()).toBe(100_000);
    expect(p.rowAt(3)?.id).toBe(4);
    expect(p.nextFetch(0, 9)).toBeNull();
    // A jump to row 50,000: that page at once, by offset.
    expect(p.nextFetch(50_000, 50_008)).toEqual({ page: 5_000, offset: 50_000, withTotals: false, generation: 0 });
    p.store(5_000, rows(50_001, 10));
    expect(p.rowAt(50_004)?.id).toBe(50_005);
    expect(p.loadedPages()).toEqual([0, 5_000]);
    // A view across two pages: the missing one only.
    expect(p.nextFetch(50_005, 50_014)).toMatchObject({ page: 5_001, offset: 50_010 });
  });

  it('never asks beyond the counted rows, and learns the end from a short page even when the counts said more', () => {
    const p = new RowPages(10);
    p.store(0, rows(1, 10), undefined, 30);
    expect(p.nextFetch(100, 120)).toBeNull();
    expect(p.nextFetch(20, 40)).toMatchObject({ page: 2, offset: 20 });
    p.store(1, rows(11, 4));
    expect(p.count()).toBe(14);
    expect(p.nextFetch(0, 20)).toBeNull();
  });

  it('an empty list is one fetch and then nothing', () => {
    const p = new RowPages(10);
    p.store(0, [], undefined, 0);
    expect(p.count()).toBe(0);
    expect(p.nextFetch(0, 40)).toBeNull();
  });

  it('a reload fetches the counts again, then the pages in view; the others are forgotten', () => {
    const p = new RowPages(10);
    p.store(0, rows(1, 10), undefined, 40);
    p.store(1, rows(11, 10));
    p.store(2, rows(21, 10));
    p.markStale(10, 19);
    expect(p.loadedPages()).toEqual([1]);
    expect(p.rowAt(12)?.id).toBe(13); // old rows shown until the new ones come
    const counts = p.nextFetch(10, 19);
    expect(counts).toMatchObject({ page: 0, withTotals: true });
    // A line went away: 39 rows now, page 1 starts one row later.
    p.store(0, rows(1, 10), counts?.generation, 39);
    const next = p.nextFetch(10, 19);
    expect(next).toMatchObject({ page: 1, offset: 10, withTotals: false });
    p.store(1, rows(12, 10), next?.generation);
    expect(p.rowAt(10)?.id).toBe(12);
    expect(p.nextFetch(10, 19)).toBeNull();
    expect(p.count()).toBe(39);
  });

  it('an answer to a request sent before a reload leaves the page and the counts stale', () => {
    const p = new RowPages(10);
    const first = p.nextFetch(0, 5);
    p.markStale(0, 5);
    p.store(0, rows(1, 10), first?.generation, 10);
    expect(p.nextFetch(0, 5)).toMatchObject({ page: 0, withTotals: true });
  });

  it('keeps a bounded number of pages', () => {
    const p = new RowPages(10);
    p.store(0, rows(1, 10), undefined, 1000);
    for (let page = 1; page < 60; page++) p.store(page, rows(page * 10 + 1, 10));
    p.evict(590, 599);
    expect(p.loadedPages().length).toBe(40);
    expect(p.loadedPages()).toContain(59);
    expect(p.loadedPages()).not.toContain(0);
  });
});
