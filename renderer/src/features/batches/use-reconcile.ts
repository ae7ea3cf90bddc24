// Expected vs scanned for one batch (expected:reconcile), kept live: reloaded whenever the core says
// devices or the expected list changed.
import { useCallback } from 'react';
import type { Reconciliation } from '../../../../shared/contract/expected';
import type { ApiClient } from '../../api';
import { useLive } from '../../lib/use-live';

const LIST_LIMIT = 200;
const TABLES = ['devices', 'expected'] as const;

export function useReconcile(batchId: number): { data: Reconciliation | null; error: string | null; reload(): void } {
  const load = useCallback((api: ApiClient) => api.call('expected:reconcile', { batchId, limit: LIST_LIMIT }), [batchId]);
  const { value, error, reload } = useLive(load, TABLES);
  return { data: value, error, reload };
}
