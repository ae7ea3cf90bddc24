// Expected vs scanned for one batch (expected:reconcile), kept live: reloaded whenever the core says
// devices or the expected list changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Reconciliation } from '../../../../shared/contract/expected';
import { useApi } from '../../store/provider';

const LIST_LIMIT = 200;
const RELOAD_GAP_MS = 250;

export function useReconcile(batchId: number): { data: Reconciliation | null; error: string | null; reload(): void } {
  const api = useApi();
  const [data, setData] = useState<Reconciliation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    void api.call('expected:reconcile', { batchId, limit: LIST_LIMIT }).then((result) => {
      if (mine !== seq.current) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error.message);
    });
  }, [api, batchId]);

  useEffect(() => {
    reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('db:changed', ({ tables }) => {
      if (!tables.includes('devices') && !tables.includes('expected')) return;
      timer ??= setTimeout(() => {
        timer = null;
        reload();
      }, RELOAD_GAP_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, reload]);

  return { data, error, reload };
}
