import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../renderer/src/api/client';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { wireEvents } from '../../../../renderer/src/store/wire-events';
import { FakeStation } from '../helpers/fake-transport';
import { MemoryStorage } from '../helpers/render-app';

const flush = () => new Promise((r) => setTimeout(r, 0));
let unwire: () => void = () => {};
afterEach(() => unwire());

function setup() {
  const station = new FakeStation();
  station.addOperator('Ada', 'admin', '246813');
  station.addOperator('Bo', 'operator', '975318');
  const storage = new MemoryStorage();
  const api = createApiClient(station, storage);
  const store = createAppStore(api);
  unwire = wireEvents(store, api, window);
  return { station, storage, api, store };
}

describe('station slice', () => {
  it('loads what the station is', async () => {
    const { store } = setup();
    await store.getState().loadStation();
    expect(store.getState().station).toEqual({ name: 'Dock 3', version: '0.1.0', practiceMode: false, needsFirstAdmin: false, systemLanguages: [] });
    expect(store.getState().stationStatus).toBe('ready');
  });

  it('a failed reload keeps what was known', async () => {
    const { station, store } = setup();
    await store.getState().loadStation();
    station.overrides.set('station:info', () => ({ ok: false, error: { code: 'INTERNAL', message: 'boom' } }));
    await store.getState().loadStation();
    expect(store.getState().stationStatus).toBe('ready');
    expect(store.getState().station?.name).toBe('Dock 3');
  });
});

describe('session slice', () => {
  it('signs in, keeps the token in the api client, and signs out', async () => {
    const { api, store } = setup();
    const result = await store.getState().signIn('Ada', '246813');
    expect(result.ok).toBe(true);
    expect(store.getState().operator?.name).toBe('Ada');
    expect(api.session()).toEqual({ token: 'token-1', sessionId: 'session-1' });
    await store.getState().signOut();
    expect(store.getState().operator).toBeNull();
    expect(api.session()).toBeNull();
    expect(store.getState().sessionNotice).toBeNull();
  });

  it('a wrong PIN leaves nobody signed in and returns the core error', async () => {
    const { store } = setup();
    const result = await store.getState().signIn('Ada', '000000');
    expect(result.ok ? null : result.error.message).toBe('Wrong PIN. 4 tries left.');
    expect(store.getState().operator).toBeNull();
  });

  it('restores a stored session the core still knows, and drops one it does not', async () => {
    const { station, storage, store } = setup();
    await store.getState().signIn('Ada', '246813');
    const again = createAppStore(createApiClient(station, storage));
    await again.getState().restoreSession();
    expect(again.getState().operator?.name).toBe('Ada');

    station.sessions.clear();
    const third = createAppStore(createApiClient(station, storage));
    await third.getState().restoreSession();
    expect(third.getState().operator).toBeNull();
    expect(third.getState().sessionChecked).toBe(true);
    expect(storage.items.size).toBe(0);
  });

  it('session:changed expired for our session returns to sign-in with a notice; others are ignored', async () => {
    const { station, store } = setup();
    await store.getState().signIn('Ada', '246813');
    station.emit('session:changed', { sessionId: 'someone-else', state: 'expired', operator: null });
    expect(store.getState().operator?.name).toBe('Ada');
    station.emit('session:changed', { sessionId: 'session-1', state: 'expired', operator: null });
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toMatch(/inactivity/);
  });

  it('a NOT_SIGNED_IN answer anywhere ends the session with the core message', async () => {
    const { station, store } = setup();
    await store.getState().signIn('Ada', '246813');
    station.sessions.clear();
    await store.getState().loadOperators();
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('You were signed out after a period of inactivity. Sign in again.');
  });
});

describe('operators slice and db:changed', () => {
  it('reloads the sign-in roster when the operators table changes, not for other tables', async () => {
    const { station, store } = setup();
    await store.getState().loadRoster();
    expect(store.getState().roster.map((o) => o.name)).toEqual(['Ada', 'Bo']);
    station.addOperator('Cy', 'lead', '135792');
    station.emit('db:changed', { tables: ['devices', 'audit'] });
    await flush();
    expect(store.getState().roster).toHaveLength(2);
    station.emit('db:changed', { tables: ['operators', 'audit'] });
    await flush();
    expect(store.getState().roster.map((o) => o.name)).toEqual(['Ada', 'Bo', 'Cy']);
  });

  it('loads the full list only for someone who may manage operators', async () => {
    const { station, store } = setup();
    await store.getState().signIn('Bo', '975318');
    await store.getState().loadOperators();
    expect(station.calls.some((c) => c.channel === 'operators:list')).toBe(false);
    await store.getState().signOut();
    await store.getState().signIn('Ada', '246813');
    await store.getState().loadOperators();
    expect(store.getState().operators.map((o) => o.name)).toEqual(['Ada', 'Bo']);
  });
});

describe('connectivity slice', () => {
  it('follows the browser online and offline events', () => {
    const { store } = setup();
    window.dispatchEvent(new Event('offline'));
    expect(store.getState().online).toBe(false);
    window.dispatchEvent(new Event('online'));
    expect(store.getState().online).toBe(true);
  });

  it('records a link problem from the api client', async () => {
    const { station, store } = setup();
    station.call = () => Promise.reject(new Error('down'));
    await store.getState().loadStation();
    expect(store.getState().link).toBe('unreachable');
    expect(store.getState().stationStatus).toBe('failed');
  });
});
