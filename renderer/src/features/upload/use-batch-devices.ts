// One batch's devices for the results list, through review:devices: a state filter, keyset pages
// loaded as the list scrolls, the per-state totals, and a reload (coalesced) whenever the core says
// devices, uploads or batches changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewDevice, ReviewTotals } from '../../../../shared/contract/review';
import { errorText } from '../../i18n/errors';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';

export const RESULT_FILTERS = ['failed', 'queued', 'sending', 'registered', 'live'] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];

const PAGE = 500;
const MAX_PAGE = 1000;
const LIVE_TABLES = ['devices', 'uploads', 'batches'] as const;

export interface BatchDevicesState {
  rows: ReviewDevice[];
  totals: ReviewTotals | null;
  hasMore: boolean;
  error: string | null;
  loadMore(): void;
  reload(): void;
}

export function useBatchDevices(batchId: number, filter: ResultFilter): BatchDevicesState {
  const api = useApi();
  const [rows, setRows] = useState<ReviewDevice[]>([]);
  const [totals, setTotals] = useState<ReviewTotals | null>(null);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The query a response belongs to: answers for an older batch or filter are dropped.
  const query = useRef(0);
  const loading = useRef(false);
  const rowCount = useRef(0);
  rowCount.current = rows.length;

  const reload = useCallback(() => {
    const mine = ++query.current;
    loading.current = true;
    // A reload keeps as many rows as were loaded, so the list does not jump back while it scrolls.
    const limit = Math.min(MAX_PAGE, Math.max(PAGE, rowCount.current));
    void api.call('review:devices', { batchId, state: filter, limit }).then((result) => {
      if (mine !== query.current) return;
      loading.current = false;
      if (!result.ok) return setError(errorText(result.error));
      setError(null);
      setRows(result.value.rows);
      setTotals(result.value.totals);
      setNextAfter(result.value.nextAfter);
    });
  }, [api, batchId, filter]);

  const loadMore = useCallback(() => {
    if (loading.current || nextAfter === null) return;
    const mine = query.current;
    loading.current = true;
    void api.call('review:devices', { batchId, state: filter, limit: PAGE, after: nextAfter }).then((result) => {
      if (mine !== query.current) return;
      loading.current = false;
      if (!result.ok) return setError(errorText(result.error));
      setRows((before) => [...before, ...result.value.rows]);
      setTotals(result.value.totals);
      setNextAfter(result.value.nextAfter);
    });
  }, [api, batchId, filter, nextAfter]);

  useEffect(() => {
    setRows([]);
    rowCount.current = 0;
    reload();
  }, [reload]);

  useDbChanged(LIVE_TABLES, reload);

  return { rows, totals, hasMore: nextAfter !== null, error, loadMore, reload };
}
