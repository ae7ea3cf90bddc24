// Connects the store to the world: core events, the api client's session and link reports, and the
// browser's online/offline events. Returns the function that disconnects it all.
import type { TableName } from '../../../shared/contract';
import type { ApiClient } from '../api';
import type { AppStore } from './create-store';

const overlaps = (tables: readonly TableName[], wanted: readonly TableName[]): boolean => tables.some((t) => wanted.includes(t));

export function wireEvents(store: AppStore, api: ApiClient, win: Window | null): () => void {
  const s = (): ReturnType<AppStore['getState']> => store.getState();
  const offs: (() => void)[] = [
    api.on('db:changed', ({ tables }) => {
      if (overlaps(tables, ['operators'])) {
        void s().loadRoster();
        if (s().operatorsStatus !== 'idle') void s().loadOperators();
        void s().refreshMe();
      }
      if (overlaps(tables, ['operators', 'settings'])) void s().loadStation();
      if (overlaps(tables, ['customers']) && s().partner) void s().loadPartner();
    }),
    api.on('sync:status', (status) => {
      const before = s().syncStatus?.state;
      s().setSyncStatus(status);
      // A sign-in pause starting or ending may mean the account changed: ask again.
      if (before !== status.state && (before === 'sign-in-needed' || status.state === 'sign-in-needed') && s().operator) void s().loadPartner();
    }),
    api.on('session:changed', ({ sessionId, state }) => {
      if (sessionId !== s().sessionId || state === 'signedIn') return;
      s().endSession(state === 'expired' ? 'You were signed out after a period of inactivity. Sign in again.' : 'You were signed out. Sign in again.');
    }),
    api.onSessionLost((message) => {
      if (s().operator) s().endSession(message);
    }),
    api.onLink((link) => s().setLink(link)),
  ];
  if (win) {
    const online = (): void => s().setOnline(true);
    const offline = (): void => s().setOnline(false);
    win.addEventListener('online', online);
    win.addEventListener('offline', offline);
    offs.push(() => {
      win.removeEventListener('online', online);
      win.removeEventListener('offline', offline);
    });
  }
  return () => offs.forEach((off) => off());
}
