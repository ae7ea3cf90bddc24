// A value loaded from the core and kept live: loaded at once, reloaded whenever the core says one of the
// given tables changed (through useDbChanged, so coalesced); a reply that a newer load overtook is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, TableName } from '../../../shared/contract';
import type { ApiClient } from '../api';
import { errorText } from '../i18n/errors';
import { useApi } from '../store/provider';
import { useDbChanged } from './use-db-changed';

type Loaded<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** `load` must be stable (useCallback), or every render reloads. */
export function useLive<T>(load: (api: ApiClient) => Promise<Loaded<T>>, tables: readonly TableName[]): { value: T | null; error: string | null; reload(): void } {
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
      } else setError(errorText(result.error));
    });
  }, [api, load]);
  useEffect(() => reload(), [reload]);
  useDbChanged(tables, reload);
  return { value, error, reload };
}
