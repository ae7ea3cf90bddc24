import { useCallback, useEffect, useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { errorText } from '../../i18n/errors';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';

export interface OpenBatches {
  readonly batches: readonly BatchSummary[] | null;
  readonly error: string | null;
  reload(): Promise<void>;
}

/** Batches still open for scanning, newest first; reloaded when batches or devices change. */
export function useOpenBatches(): OpenBatches {
  const api = useApi();
  const [batches, setBatches] = useState<readonly BatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await api.call('batches:list', { states: ['open'] });
    if (result.ok) {
      setBatches(result.value);
      setError(null);
    } else setError(errorText(result.error));
  }, [api]);
  useEffect(() => void reload(), [reload]);
  // Coalesced, so a run of scans does not put a batches:list request beside every verdict.
  useDbChanged(['batches', 'devices'], () => void reload());
  return { batches, error, reload };
}
