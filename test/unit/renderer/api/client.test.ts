import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../../renderer/src/api/client';
import { TransportError } from '../../../../renderer/src/api/transport';
import { FakeStation } from '../helpers/fake-transport';
import { MemoryStorage } from '../helpers/render-app';

function signedInClient() {
  const station = new FakeStation();
  station.addOperator('Ada', 'admin', '246813');
  const storage = new MemoryStorage();
  const api = createApiClient(station, storage);
  return { station, storage, api };
}

describe('api client', () => {
  it('sends the session token with every call and keeps it across a reload (storage)', async () => {
    const { station, storage, api } = signedInClient();
    api.setSession({ token: 't1', sessionId: 's1' });
    await api.call('station:info', {});
    expect(station.calls.at(-1)?.token).toBe('t1');
    expect(createApiClient(station, storage).session()).toEqual({ token: 't1', sessionId: 's1' });
  });

  it('a NOT_SIGNED_IN answer clears the session and tells the listeners, with the core message', async () => {
    const { storage, api } = signedInClient();
    api.setSession({ token: 'stale', sessionId: 's1' });
    const lost = vi.fn();
    api.onSessionLost(lost);
    const result = await api.call('operators:list', {});
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('NOT_SIGNED_IN');
    expect(api.session()).toBeNull();
    expect(storage.items.size).toBe(0);
    expect(lost).toHaveBeenCalledWith('You were signed out after a period of inactivity. Sign in again.');
  });

  it('a late NOT_SIGNED_IN for an old token does not drop a newer sign-in', async () => {
    const { station, api } = signedInClient();
    let release: () => void = () => {};
    station.overrides.set('operators:list', () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' } }));
    const gate = new Promise<void>((r) => (release = r));
    const original = station.call.bind(station);
    station.call = async (...args) => {
      await gate;
      return original(...args);
    };
    api.setSession({ token: 'old', sessionId: 's-old' });
    const pending = api.call('operators:list', {});
    api.setSession({ token: 'new', sessionId: 's-new' });
    release();
    await pending;
    expect(api.session()?.token).toBe('new');
  });

  it('turns an unreachable host into an OFFLINE envelope and reports the link problem', async () => {
    const { station, api } = signedInClient();
    const links: unknown[] = [];
    api.onLink((p) => links.push(p));
    station.call = () => Promise.reject(new TransportError('unreachable', 'The station is not reachable.'));
    const result = await api.call('station:info', {});
    expect(result).toEqual({ ok: false, error: { code: 'OFFLINE', message: 'The station is not reachable.', details: { link: 'unreachable' } } });
    expect(links).toEqual(['unreachable']);
  });

  it('reports link-needed, and clears the problem once the core answers again', async () => {
    const { station, api } = signedInClient();
    const links: unknown[] = [];
    api.onLink((p) => links.push(p));
    const original = station.call.bind(station);
    station.call = () => Promise.reject(new TransportError('link-needed', 'Open the link.'));
    await api.call('station:info', {});
    station.call = original;
    const result = await api.call('station:info', {});
    expect(result.ok).toBe(true);
    expect(links).toEqual(['link-needed', null]);
  });
});
