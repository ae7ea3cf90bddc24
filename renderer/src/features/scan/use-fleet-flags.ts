// Lines of the recent-scans list that the fleet hub gave to another dock after they were accepted (the
// dock was offline, or the other dock pushed first): asked again whenever the core says devices changed,
// which a round that flags lines does, so the line turns amber while the operator is still at the screen.
import { useEffect, useState } from 'react';
import type { LineFlagView } from '../../../../shared/contract/fleet-desk';
import { useApi } from '../../store/provider';

const RELOAD_GAP_MS = 250;
const NONE: ReadonlyMap<number, LineFlagView> = new Map();

export function useFleetFlags(deviceIds: readonly number[]): ReadonlyMap<number, LineFlagView> {
  const api = useApi();
  const [flags, setFlags] = useState(NONE);
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
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('db:changed', ({ tables }) => {
      if (!tables.includes('devices')) return;
      timer ??= setTimeout(() => {
        timer = null;
        load();
      }, RELOAD_GAP_MS);
    });
    return () => {
      live = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, key]);
  return flags;
}
