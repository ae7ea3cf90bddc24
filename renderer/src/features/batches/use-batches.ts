// The station's batches (batches:list) or one batch (batches:get), reloaded when the core says
// batches or devices changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { ApiClient } from '../../api';
import { useApi } from '../../store/provider';

const RELOAD_GAP_MS = 300;

function useLive<T>(load: (api: ApiClient) => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): { value: T | null; error: string | null; reload(): void } {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    void load(api).then((result) => {
      if (mine !== seq.current) return;
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else setError(result.error.message);
    });
  }, [api, load]);
  useEffect(() => {
    reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('db:changed', ({ tables }) => {
      if (!tables.some((t) => t === 'batches' || t === 'devices')) return;
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
  return { value, error, reload };
}

export function useBatches(): { batches: BatchSummary[] | null; error: string | null } {
  const load = useCallback((api: ApiClient) => api.call('batches:list', {}), []);
  const { value, error } = useLive(load);
  return { batches: value, error };
}

export function useBatch(id: number): { batch: BatchSummary | null; error: string | null; reload(): void } {
  const load = useCallback((api: ApiClient) => api.call('batches:get', { id }), [id]);
  const { value, error, reload } = useLive(load);
  return { batch: value?.id === id ? value : null, error, reload };
}
