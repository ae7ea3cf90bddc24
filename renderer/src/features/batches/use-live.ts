// A value loaded from the core and kept live: loaded at once, reloaded (coalesced) whenever the core
// says one of the given tables changed; a reply that a newer load overtook is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, TableName } from '../../../../shared/contract';
import type { ApiClient } from '../../api';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

const RELOAD_GAP_MS = 250;

type Loaded<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** `load` must be stable (useCallback), or every render reloads. */
export function useLive<T>(load: (api: ApiClient) => Promise<Loaded<T>>, tables: readonly TableName[]): { value: T | null; error: string | null; reload(): void } {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const watched = tables.join(',');
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
  useEffect(() => {
    reload();
    const wanted = new Set(watched.split(','));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('db:changed', ({ tables: changed }) => {
      if (!changed.some((t) => wanted.has(t))) return;
      timer ??= setTimeout(() => {
        timer = null;
        reload();
      }, RELOAD_GAP_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, reload, watched]);
  return { value, error, reload };
}
