// The review list's rows, held as fixed-size pages fetched by position (review:rows `offset`): page p
// is rows p*size.. of the filtered list, so any page is one request however far down it is, never a
// walk through the pages before it. The counts (how many rows there are) come with page 0 from
// review:devices, first and after every reload. Only pages near the view stay in memory, so 100,000
// lines cost a few pages, not 100,000 objects.
import type { ReviewDevice } from '../../../../shared/contract/review';

export const PAGE_SIZE = 200;
/** Pages kept in memory beyond those in view (about 8,000 rows). */
const KEEP_PAGES = 40;

export interface PageFetch {
  page: number;
  offset: number;
  /** The counts are due too: fetch page 0 with them (review:devices). */
  withTotals: boolean;
  generation: number;
}

export class RowPages {
  private readonly pages = new Map<number, ReviewDevice[]>();
  /** Pages to fetch again (a reload), shown with their old rows until then. */
  private readonly stale = new Set<number>();
  /** Rows matching the filters, from the last counts. */
  total = 0;
  /** The row count when a page came back short (it can be fewer than `total` said). */
  private end: number | null = null;
  /** Bumped by every reload: an answer to a request sent before it does not make a page fresh. */
  private generation = 0;
  /** The generation the counts were taken in (-1: never). */
  private counted = -1;

  constructor(readonly pageSize = PAGE_SIZE) {}

  count(): number {
    return this.end ?? this.total;
  }

  rowAt(index: number): ReviewDevice | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  /** The next page to fetch so rows first..last can show (the counts first), or null when all is here and fresh. */
  nextFetch(first: number, last: number): PageFetch | null {
    if (this.counted !== this.generation) return { page: 0, offset: 0, withTotals: true, generation: this.generation };
    const to = Math.min(this.pageOf(Math.max(first, last)), this.pageOf(Math.max(0, this.count() - 1)));
    for (let p = this.pageOf(Math.max(0, first)); p <= to; p++) {
      if (this.pages.has(p) && !this.stale.has(p)) continue;
      return { page: p, offset: p * this.pageSize, withTotals: false, generation: this.generation };
    }
    return null;
  }

  /** A page's rows; `total` when the counts came with them. */
  store(page: number, rows: ReviewDevice[], generation = this.generation, total?: number): void {
    if (total !== undefined) {
      this.total = total;
      this.end = null;
      if (generation === this.generation) this.counted = generation;
    }
    this.pages.set(page, rows);
    if (generation === this.generation) this.stale.delete(page);
    if (rows.length < this.pageSize) {
      // A short page is the last one: the list ends here, whatever the counts said.
      this.end = page * this.pageSize + rows.length;
      for (const p of [...this.pages.keys()]) if (p > page) this.pages.delete(p);
    } else if (this.end !== null && this.end <= (page + 1) * this.pageSize) {
      this.end = null;
    }
  }

  /** After a change in the core: the counts and the pages in view are fetched again, the others forgotten. */
  markStale(first: number, last: number): void {
    this.generation += 1;
    const from = this.pageOf(Math.max(0, first));
    const to = this.pageOf(Math.max(first, last));
    for (const p of [...this.pages.keys()]) {
      if (p >= from && p <= to) this.stale.add(p);
      else this.pages.delete(p);
    }
  }

  /** Forgets pages far from the view. */
  evict(first: number, last: number): void {
    if (this.pages.size <= KEEP_PAGES) return;
    const centre = (this.pageOf(first) + this.pageOf(last)) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of byDistance.slice(0, this.pages.size - KEEP_PAGES)) this.pages.delete(p);
  }
}
