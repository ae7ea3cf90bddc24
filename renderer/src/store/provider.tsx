// The store and the api reach components through one context, so tests can give each render its own
// store over a fake transport.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../api';
import { createAppStore, type AppStore } from './create-store';
import type { AppState } from './types';
import { wireEvents } from './wire-events';

interface AppContextValue {
  store: AppStore;
  api: ApiClient;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ api, children }: { api: ApiClient; children: ReactNode }): ReactNode {
  const [value] = useState<AppContextValue>(() => ({ api, store: createAppStore(api, { online: navigator.onLine }) }));
  useEffect(() => wireEvents(value.store, value.api, window), [value]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing above this component.');
  return value;
}

/** Atomic selectors please; wrap object or array selectors in useShallow (zustand v5). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useApi(): ApiClient {
  return useAppContext().api;
}

export function useStoreApi(): AppStore {
  return useAppContext().store;
}
