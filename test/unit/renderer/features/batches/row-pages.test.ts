import { describe, expect, it } from 'vitest';
import { RowPages } from '../../../../../renderer/src/features/batches/row-pages';
import { device } from './review-fake';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => device(from + i, 1));

describe('RowPages', () => {
  it('fetches the first page, then only the pages the view needs, walking the keyset chain', () => {
    const p = new RowPages(10);
    expect(p.nextFetch(0, 5)).toMatchObject({ page: 0, after: 0, walking: false });
    p.store(0, rows(1, 10), 10, 100);
    expect(p.count()).toBe(100);
    expect(p.rowAt(3)?.id).toBe(4);
    expect(p.nextFetch(0, 9)).toBeNull();
    // Rows 50..59 are on page 5, whose cursor is unknown: walk from page 1.
    expect(p.nextFetch(50, 59)).toMatchObject({ page: 1, after: 10, walking: true });
    p.storeRun(1, rows(11, 20), 30, 100);
    expect(p.rowAt(25)?.id).toBe(26);
    expect(p.nextFetch(50, 59)).toMatchObject({ page: 3, after: 30 });
  });

  it('learns the end from the last page, even when the total said more', () => {
    const p = new RowPages(10);
    p.store(0, rows(1, 10), 10, 30);
    p.store(1, rows(11, 4), null, 30);
    expect(p.count()).toBe(14);
    expect(p.nextFetch(0, 20)).toBeNull();
  });

  it('a reload refetches the pages in view and forgets the others; a shifted page boundary drops what followed', () => {
    const p = new RowPages(10);
    p.store(0, rows(1, 10), 10, 40);
    p.store(1, rows(11, 10), 20, 40);
    p.store(2, rows(21, 10), 30, 40);
    p.markStale(10, 19);
    expect(p.loadedPages()).toEqual([1]);
    expect(p.rowAt(12)?.id).toBe(13); // old rows shown until the new ones come
    const next = p.nextFetch(10, 19);
    expect(next).toMatchObject({ page: 1, after: 10 });
    // A line of page 1 went away: page 1 now ends one row later.
    p.store(1, [...rows(11, 2), ...rows(14, 8)], 21, 39, next?.generation);
    expect(p.nextFetch(10, 19)).toBeNull();
    expect(p.nextFetch(20, 29)).toMatchObject({ page: 2, after: 21 });
  });

  it('an answer to a request sent before a reload leaves the page stale', () => {
    const p = new RowPages(10);
    const first = p.nextFetch(0, 5);
    p.store(0, rows(1, 10), null, 10);
    p.markStale(0, 5);
    p.store(0, rows(1, 10), null, 10, first?.generation);
    expect(p.nextFetch(0, 5)).toMatchObject({ page: 0 });
  });

  it('keeps a bounded number of pages', () => {
    const p = new RowPages(10);
    for (let page = 0; page < 60; page++) p.store(page, rows(page * 10 + 1, 10), page * 10 + 10, 1000);
    p.evict(590, 599);
    expect(p.loadedPages().length).toBe(40);
    expect(p.loadedPages()).toContain(59);
    expect(p.loadedPages()).not.toContain(0);
  });
});
