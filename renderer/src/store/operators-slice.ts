import { roleAllows } from '../../../shared/domain/roles';
import type { ApiClient } from '../api';
import type { OperatorsSlice, SliceCreator } from './types';

export function createOperatorsSlice(api: ApiClient): SliceCreator<OperatorsSlice> {
  return (set, get) => ({
    roster: [],
    rosterStatus: 'idle',
    operators: [],
    operatorsStatus: 'idle',
    operatorsError: null,

    async loadRoster() {
      set((s) => ({ rosterStatus: s.rosterStatus === 'ready' ? 'ready' : 'loading' }));
      const result = await api.call('session:operators', {});
      if (result.ok) set({ roster: result.value, rosterStatus: 'ready' });
      else set({ rosterStatus: 'failed' });
    },

    async loadOperators() {
      const me = get().operator;
      if (!me || !roleAllows(me.role, 'operators:manage')) return;
      set((s) => ({ operatorsStatus: s.operatorsStatus === 'ready' ? 'ready' : 'loading' }));
      const result = await api.call('operators:list', {});
      if (result.ok) set({ operators: result.value, operatorsStatus: 'ready', operatorsError: null });
      else set({ operatorsStatus: 'failed', operatorsError: result.error.message });
    },
  });
}
