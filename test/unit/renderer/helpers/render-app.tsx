import { render, type RenderResult } from '@testing-library/react';
import { App } from '../../../../renderer/src/app';
import { createApiClient, type ApiClient } from '../../../../renderer/src/api/client';
import { AppProvider } from '../../../../renderer/src/store/provider';
import { FakeStation } from './fake-transport';

export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export function renderApp(station = new FakeStation(), storage = new MemoryStorage()): RenderResult & { station: FakeStation; api: ApiClient; storage: MemoryStorage } {
  const api = createApiClient(station, storage);
  const result = render(
    <AppProvider api={api}>
      <App />
    </AppProvider>,
  );
  return { ...result, station, api, storage };
}
