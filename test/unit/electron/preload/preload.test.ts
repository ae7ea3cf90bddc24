import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock } from '../../../helpers/electron-mock';
import { channelNames, eventNames } from '../../../../shared/contract';
import { ipcChannel, ipcEventChannel, type DocksideBridge } from '../../../../shared/contract/bridge';

const { ipcRenderer, contextBridge } = electronMock;
let bridge: DocksideBridge;

// The preload runs once, as in a real renderer; the fakes are not reset between tests here because
// the preload keeps its ipcRenderer subscription for the life of the page.
beforeAll(async () => {
  await import('../../../../electron/preload/index');
  bridge = contextBridge.exposed.get('dockside') as DocksideBridge;
});
beforeEach(() => ipcRenderer.invoke.mockClear());

const fakeIpcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };

describe('preload bridge', () => {
  it('exposes one object, window.dockside, with channels and on: never ipcRenderer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('dockside', bridge);
    expect(Object.keys(bridge).sort()).toEqual(['channels', 'on']);
    const reachable = [...Object.values(bridge), ...Object.values(bridge.channels)];
    expect(reachable).not.toContain(ipcRenderer);
    expect(reachable).not.toContain(ipcRenderer.invoke);
  });

  it('has exactly one method per contract channel, and nothing else', () => {
    expect(Object.keys(bridge.channels).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(bridge.channels)).toBe(true);
  });

  it('each method invokes its own IPC channel with the input and the session token', async () => {
    for (const name of channelNames) {
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: name });
      const method = bridge.channels[name] as (input: unknown, token: string | null) => Promise<unknown>;
      await expect(method({ probe: name }, 'token-7')).resolves.toEqual({ ok: true, value: name });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(name), { probe: name }, 'token-7');
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(channelNames.length);
    await bridge.channels['station:info']({}, null);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('dockside:station:info', {}, null);
  });

  it('on() hands the listener the payload only (no IpcRendererEvent), for its own event name', () => {
    const listener = vi.fn();
    const off = bridge.on('db:changed', listener);
    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'db:changed', { tables: ['devices'] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ tables: ['devices'] }]);

    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'session:changed', { sessionId: 's', state: 'signedOut', operator: null });
    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'evil:event', { tables: [] });
    ipcRenderer.emit('dockside:other', fakeIpcEvent, 'db:changed', { tables: [] });
    expect(listener).toHaveBeenCalledTimes(1);
    off();
  });

  it('the returned function unsubscribes, and only that subscription', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on('db:changed', first);
    const offSecond = bridge.on('db:changed', second);
    offFirst();
    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'db:changed', { tables: ['batches'] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ tables: ['batches'] });
    offSecond();
    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'db:changed', { tables: ['batches'] });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('a throwing listener does not starve the others', () => {
    const good = vi.fn();
    const offBad = bridge.on('db:changed', () => {
      throw new Error('page bug');
    });
    const offGood = bridge.on('db:changed', good);
    ipcRenderer.emit(ipcEventChannel, fakeIpcEvent, 'db:changed', { tables: [] });
    expect(good).toHaveBeenCalledTimes(1);
    offBad();
    offGood();
  });

  it('refuses event names outside the contract', () => {
    expect(() => bridge.on('not:an-event' as never, () => {})).toThrow(/Unknown event/);
    for (const name of eventNames) bridge.on(name, () => {})();
  });

  it('keeps a single ipcRenderer subscription however many listeners there are', () => {
    const offs = Array.from({ length: 20 }, () => bridge.on('db:changed', () => {}));
    expect(ipcRenderer.listenerCount(ipcEventChannel)).toBe(1);
    for (const off of offs) off();
  });
});
