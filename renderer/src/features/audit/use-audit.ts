// The audit trail, newest first, filtered and keyset-paged (audit:list `before`). The hash chain is
// walked once per filter (the first page), not for every page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

export type AuditPage = ChannelOutput<'audit:list'>;
export type AuditRow = AuditPage['rows'][number];
export type ChainStatus = NonNullable<AuditPage['chain']>;

export interface AuditFilters {
  operatorId?: number | undefined;
  action?: string | undefined;
  batchId?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export const AUDIT_PAGE = 100;

export function useAudit(filters: AuditFilters): {
  rows: AuditRow[];
  chain: ChainStatus | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  reload(): void;
} {
  const api = useApi();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [chain, setChain] = useState<ChainStatus | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const { operatorId, action, batchId, from, to } = filters;

  const reload = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    void api.call('audit:list', { operatorId, action, batchId, from, to, limit: AUDIT_PAGE, verify: true }).then((result) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (!result.ok) return setError(errorText(result.error));
      setError(null);
      setRows(result.value.rows);
      setNext(result.value.nextBefore);
      setChain(result.value.chain);
    });
  }, [api, operatorId, action, batchId, from, to]);

  const loadMore = useCallback(() => {
    if (next === null || loading) return;
    const mine = seq.current;
    setLoading(true);
    void api.call('audit:list', { operatorId, action, batchId, from, to, limit: AUDIT_PAGE, before: next, verify: false }).then((result) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (!result.ok) return setError(errorText(result.error));
      setRows((before) => [...before, ...result.value.rows]);
      setNext(result.value.nextBefore);
    });
  }, [api, operatorId, action, batchId, from, to, next, loading]);

  useEffect(() => reload(), [reload]);

  return { rows, chain, hasMore: next !== null, loading, error, loadMore, reload };
}
