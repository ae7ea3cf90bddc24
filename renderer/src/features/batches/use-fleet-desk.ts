// Every dock's batches (fleet:batches), reloaded when a round changed batches here or at another dock.
import { useCallback } from 'react';
import type { DeskView } from '../../../../shared/contract/fleet-desk';
import type { ApiClient } from '../../api';
import { useLive } from '../../lib/use-live';

const TABLES = ['batches', 'devices'] as const;

export function useFleetDesk(): { desk: DeskView | null; error: string | null; reload(): void } {
  const load = useCallback((api: ApiClient) => api.call('fleet:batches', {}), []);
  const { value, error, reload } = useLive(load, TABLES);
  return { desk: value, error, reload };
}
