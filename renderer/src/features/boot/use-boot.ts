import { useCallback, useEffect } from 'react';
import { useStoreApi } from '../../store/provider';

/** Loads what the station is and checks a stored session; returns the function that does it again. */
export function useBoot(): () => void {
  const store = useStoreApi();
  const boot = useCallback(() => {
    void (async () => {
      await store.getState().loadStation();
      if (store.getState().stationStatus === 'ready') await store.getState().restoreSession();
    })();
  }, [store]);
  useEffect(boot, [boot]);
  return boot;
}
