// The station's batches (batches:list) or one batch (batches:get), reloaded when the core says
// batches or devices changed.
import { useCallback } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { ApiClient } from '../../api';
import { useLive } from '../../lib/use-live';

const TABLES = ['batches', 'devices'] as const;

export function useBatches(): { batches: BatchSummary[] | null; error: string | null } {
  const load = useCallback((api: ApiClient) => api.call('batches:list', {}), []);
  const { value, error } = useLive(load, TABLES);
  return { batches: value, error };
}

export function useBatch(id: number): { batch: BatchSummary | null; error: string | null; reload(): void } {
  const load = useCallback((api: ApiClient) => api.call('batches:get', { id }), [id]);
  const { value, error, reload } = useLive(load, TABLES);
  return { batch: value?.id === id ? value : null, error, reload };
}
