// The one way the renderer hears that core data changed: the core's db:changed event, filtered by table
// tag and coalesced, so a burst of commits (a scan run, an import) costs one reload, not one per commit.
import { useEffect, useRef } from 'react';
import type { TableName } from '../../../shared/contract';
import { useApi } from '../store/provider';

/** Every live view reloads at most this often while the core keeps committing. */
export const LIVE_RELOAD_GAP_MS = 250;

/** Calls `onChange` once per burst of commits that touch any of `tables`; the latest `onChange` is the one called. */
export function useDbChanged(tables: readonly TableName[], onChange: () => void): void {
  const api = useApi();
  const latest = useRef(onChange);
  latest.current = onChange;
  const watched = tables.join(',');
  useEffect(() => {
    const wanted = new Set(watched.split(','));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('db:changed', ({ tables: changed }) => {
      if (!changed.some((t) => wanted.has(t))) return;
      timer ??= setTimeout(() => {
        timer = null;
        latest.current();
      }, LIVE_RELOAD_GAP_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, watched]);
}
