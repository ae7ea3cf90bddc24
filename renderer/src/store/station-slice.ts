import type { ApiClient } from '../api';
import type { SliceCreator, StationSlice } from './types';

export function createStationSlice(api: ApiClient): SliceCreator<StationSlice> {
  return (set) => ({
    station: null,
    stationStatus: 'idle',
    stationError: null,
    async loadStation() {
      set((s) => ({ stationStatus: s.station ? s.stationStatus : 'loading' }));
      const result = await api.call('station:info', {});
      if (result.ok) set({ station: result.value, stationStatus: 'ready', stationError: null });
      // A failed reload keeps what we knew; only a failed first load stops the app.
      else set((s) => (s.station ? { stationError: result.error.message } : { stationStatus: 'failed', stationError: result.error.message }));
    },
  });
}
