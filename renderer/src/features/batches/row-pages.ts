// The review list's rows, held as fixed-size pages fetched by keyset (review:devices `after`). Page p
// starts after cursors[p]; a page's last id is the next page's cursor, so reaching page p the first
// time walks the chain, and later visits (and reloads) fetch page p straight away. Only pages near
// the view stay in memory, so 100,000 lines cost a few pages, not 100,000 objects.
import type { ReviewDevice } from '../../../../shared/contract/review';

export const PAGE_SIZE = 500;
/** Pages kept in memory beyond those in view (about 20,000 rows). */
const KEEP_PAGES = 40;

export class RowPages {
  /** cursors[p]: the id page p starts after (a known prefix of the chain). */
  private cursors: number[] = [0];
  private readonly pages = new Map<number, ReviewDevice[]>();
  /** Pages to fetch again (a reload), shown with their old rows until then. */
  private readonly stale = new Set<number>();
  /** Rows matching the filters, from the last answer. */
  total = 0;
  /** The row count when the last page has been seen (it can be fewer than `total` said). */
  private end: number | null = null;
  /** Bumped by every reload: an answer to a request sent before it does not make a page fresh. */
  private generation = 0;

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

  /** The next page to fetch so rows first..last can show, or null when they all are here and fresh. */
  nextFetch(first: number, last: number): { page: number; after: number; generation: number; walking: boolean } | null {
    const to = Math.min(this.pageOf(Math.max(first, last)), Math.max(0, this.pageOf(Math.max(0, this.count() - 1))));
    for (let p = this.pageOf(Math.max(0, first)); p <= to; p++) {
      if (this.pages.has(p) && !this.stale.has(p)) continue;
      // Page p's cursor is known once page p-1 was fetched; else walk from the furthest known one.
      const page = Math.min(p, this.cursors.length - 1);
      return { page, after: this.cursors[page] ?? 0, generation: this.generation, walking: page !== p };
    }
    return null;
  }

  store(page: number, rows: ReviewDevice[], nextAfter: number | null, total: number, generation = this.generation): void {
    this.total = total;
    this.pages.set(page, rows);
    if (generation === this.generation) this.stale.delete(page);
    if (nextAfter === null) {
      this.end = page * this.pageSize + rows.length;
      this.truncateAfter(page, page);
      return;
    }
    if (this.end !== null && this.end <= (page + 1) * this.pageSize) this.end = null;
    if (this.cursors[page + 1] !== nextAfter) {
      // The page ends elsewhere than before (lines came or went): what followed must be walked again.
      this.truncateAfter(page, page + 1);
      this.cursors[page + 1] = nextAfter;
    }
  }

  /** Rows fetched from page `page`'s cursor, possibly several pages' worth (a walk takes bigger steps). */
  storeRun(page: number, rows: ReviewDevice[], nextAfter: number | null, total: number, generation = this.generation): void {
    if (rows.length <= this.pageSize) return this.store(page, rows, nextAfter, total, generation);
    for (let i = 0; i * this.pageSize < rows.length; i++) {
      const chunk = rows.slice(i * this.pageSize, (i + 1) * this.pageSize);
      const last = (i + 1) * this.pageSize >= rows.length;
      this.store(page + i, chunk, last ? nextAfter : (chunk.at(-1)?.id ?? null), total, generation);
    }
  }

  /** After a change in the core: the pages in view are fetched again, the others forgotten. */
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

  private truncateAfter(page: number, keepCursors: number): void {
    this.cursors.length = Math.min(this.cursors.length, keepCursors + 1);
    for (const p of [...this.pages.keys()]) if (p > page) this.pages.delete(p);
  }
}
