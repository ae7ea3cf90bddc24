// The upload engine's status (pushed by the core as the sync:status event) and the Partner Center
// account: both shown on every screen, so they live in the store rather than in a page.
import type { ApiClient } from '../api';
import type { SliceCreator, SyncSlice } from './types';

export function createSyncSlice(api: ApiClient): SliceCreator<SyncSlice> {
  return (set) => ({
    syncStatus: null,
    partner: null,

    async loadSync() {
      const result = await api.call('sync:status', {});
      if (result.ok) set((s) => (s.syncStatus && s.syncStatus.updatedAt > result.value.updatedAt ? s : { syncStatus: result.value }));
    },

    setSyncStatus: (syncStatus) => set({ syncStatus }),

    async loadPartner() {
      const result = await api.call('partner:status', {});
      if (result.ok) set({ partner: result.value });
    },
  });
}
