import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { useApi } from '../../store/provider';
import type { FeedbackSound } from '../../scanner/feedback-sounds';
import { createScanStore, type ScanState, type ScanStore } from './scan-store';

/** A scan store for this batch, alive while the scanning view is; its recent list loaded once. */
export function useScanStoreFor(batch: BatchSummary, feedback: (sound: FeedbackSound) => void): ScanStore {
  const api = useApi();
  const [store] = useState(() => createScanStore({ api, batch, feedback }));
  useEffect(() => {
    void store.getState().loadRecent();
  }, [store]);
  // StrictMode mounts twice with the same store: activate undoes the first cleanup's dispose.
  useEffect(() => {
    store.getState().activate();
    return () => store.getState().dispose();
  }, [store]);
  return store;
}

export function useScan<T>(store: ScanStore, selector: (state: ScanState) => T): T {
  return useStore(store, selector);
}
