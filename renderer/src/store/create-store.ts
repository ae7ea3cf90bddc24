// One store, bound from typed slices (zustand's slices pattern). Data from the core lives here with
// the action that loads it; wire-events.ts reloads it when the core says its tables changed.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../api';
import { createConnectivitySlice } from './connectivity-slice';
import { createOperatorsSlice } from './operators-slice';
import { createSessionSlice } from './session-slice';
import { createStationSlice } from './station-slice';
import { createSyncSlice } from './sync-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: ApiClient, options: { online?: boolean } = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createStationSlice(api)(...a),
    ...createSessionSlice(api)(...a),
    ...createConnectivitySlice(options.online ?? true)(...a),
    ...createUiSlice()(...a),
    ...createOperatorsSlice(api)(...a),
    ...createSyncSlice(api)(...a),
  }));
}
