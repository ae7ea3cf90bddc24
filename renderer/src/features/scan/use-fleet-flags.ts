// Lines of the recent-scans list that the fleet hub gave to another dock after they were accepted (the
// dock was offline, or the other dock pushed first): asked again whenever the core says devices changed,
// which a round that flags lines does, so the line turns amber while the operator is still at the screen.
import { useEffect, useState } from 'react';
import type { LineFlagView } from '../../../../shared/contract/fleet-desk';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';

const NONE: ReadonlyMap<number, LineFlagView> = new Map();

export function useFleetFlags(deviceIds: readonly number[]): ReadonlyMap<number, LineFlagView> {
  const api = useApi();
  const [flags, setFlags] = useState(NONE);
  // Bumped by the coalesced db:changed hook: the effect below asks again for the same lines.
  const [reloads, setReloads] = useState(0);
  const key = deviceIds.join(',');
  useEffect(() => {
    const ids = key === '' ? [] : key.split(',').map(Number);
    if (ids.length === 0) {
      setFlags(NONE);
      return;
    }
    let live = true;
    const load = (): void =>
      void api.call('fleet:lineFlags', { deviceIds: ids }).then((result) => {
        // A station on its own has no flags; a failed ask leaves the list as it was rather than blank.
        if (live && result.ok) setFlags(result.value.length === 0 ? NONE : new Map(result.value.map((f) => [f.deviceId, f])));
      });
    load();
    return () => {
      live = false;
    };
  }, [api, key, reloads]);
  useDbChanged(['devices'], () => setReloads((n) => n + 1));
  return flags;
}
