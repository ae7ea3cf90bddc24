// One batch's lines for the review list: the filters, RowPages fetched by position one page at a time
// for the rows in view (never all of them, never the pages before them), the totals of the last
// counts, and a reload of the counts and the pages in view (coalesced) whenever devices changed.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ReviewDevice, ReviewTotals, deviceSourceNames, deviceStateFilters } from '../../../../shared/contract/review';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { useDbChanged } from '../../lib/use-db-changed';
import { RowPages } from './row-pages';

export type StateFilter = (typeof deviceStateFilters)[number];
export type SourceFilter = (typeof deviceSourceNames)[number];

export interface ReviewQuery {
  batchId: number;
  state: StateFilter;
  operatorId?: number | undefined;
  source?: SourceFilter | undefined;
  search?: string | undefined;
}

export interface ReviewRows {
  count: number;
  rowAt(index: number): ReviewDevice | undefined;
  totals: ReviewTotals | null;
  error: string | null;
  /** The first answer for these filters has come. */
  loaded: boolean;
  /** The rows the list shows now (the pages holding them are fetched). */
  show(first: number, last: number): void;
  reload(): void;
}

const LIVE_TABLES = ['devices', 'uploads'] as const;

export function useReviewRows(query: ReviewQuery, pageSize?: number): ReviewRows {
  const api = useApi();
  const { batchId, state, operatorId, source, search } = query;
  // New filters: new pages (and a new identity, so answers for the old filters are dropped).
  const pages = useMemo(() => {
    void [batchId, state, operatorId, source, search];
    return new RowPages(pageSize);
  }, [batchId, state, operatorId, source, search, pageSize]);
  const [, repaint] = useReducer((n: number) => n + 1, 0);
  const [totals, setTotals] = useState<ReviewTotals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const view = useRef({ first: 0, last: 40 });
  const running = useRef<RowPages | null>(null);
  const current = useRef(pages);
  current.current = pages;

  const pump = useCallback(async () => {
    if (running.current === pages) return;
    running.current = pages;
    try {
      for (;;) {
        const next = pages.nextFetch(view.current.first, view.current.last);
        if (!next) break;
        const filters = { batchId, state, operatorId, source, search: search || undefined, limit: pages.pageSize };
        // Page 0 brings the counts (review:devices); any other page is fetched by its position alone.
        const result = next.withTotals ? await api.call('review:devices', { ...filters, after: 0 }) : await api.call('review:rows', { ...filters, offset: next.offset });
        if (current.current !== pages) return;
        if (!result.ok) {
          setError(errorText(result.error));
          setLoaded(true);
          break;
        }
        const totals = 'totals' in result.value ? result.value.totals : undefined;
        pages.store(next.page, result.value.rows, next.generation, totals?.matching);
        if (totals) setTotals(totals);
        setError(null);
        setLoaded(true);
        repaint();
      }
      pages.evict(view.current.first, view.current.last);
    } finally {
      if (running.current === pages) running.current = null;
    }
  }, [api, pages, batchId, state, operatorId, source, search]);

  const show = useCallback(
    (first: number, last: number) => {
      if (first === view.current.first && last === view.current.last) return;
      view.current = { first, last };
      void pump();
    },
    [pump],
  );

  const reload = useCallback(() => {
    pages.markStale(view.current.first, view.current.last);
    void pump();
  }, [pages, pump]);

  useEffect(() => {
    setLoaded(false);
    void pump();
  }, [pump]);

  useDbChanged(LIVE_TABLES, reload);

  return { count: pages.count(), rowAt: (i) => pages.rowAt(i), totals, error, loaded, show, reload };
}
