import type { ApiClient } from '../api';
import { applyLanguage } from '../i18n/station-language';
import type { SliceCreator, StationSlice } from './types';

export function createStationSlice(api: ApiClient): SliceCreator<StationSlice> {
  return (set, get) => ({
    station: null,
    stationStatus: 'idle',
    stationError: null,
    async loadStation() {
      set((s) => ({ stationStatus: s.station ? s.stationStatus : 'loading' }));
      const result = await api.call('station:info', {});
      if (result.ok) {
        // Nobody signed in: the screens speak the station's default, now that the OS's list is known.
        if (!get().operator) applyLanguage(null, result.value.systemLanguages);
        set({ station: result.value, stationStatus: 'ready', stationError: null });
      }
      // A failed reload keeps what we knew; only a failed first load stops the app.
      else set((s) => (s.station ? { stationError: result.error.message } : { stationStatus: 'failed', stationError: result.error.message }));
    },
  });
}
