import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, FakeBrowserWindow, FakeWebContents, resetElectronMock } from '../../../helpers/electron-mock';
import { tempStation, type TempStation } from '../../../helpers/temp-station';
import { channelNames, ok, type Result } from '../../../../shared/contract';
import { ipcChannel, ipcEventChannel } from '../../../../shared/contract/bridge';
import { EventBus } from '../../../../electron/core/event-bus';
import { silentLogger } from '../../../../electron/core/log';
import { registerIpc, type IpcManager, type IpcStation } from '../../../../electron/main/ipc';

const ipcMain = electronMock.ipcMain;

function fakeStation() {
  const dispatch = vi.fn(async (..._args: unknown[]): Promise<Result<unknown>> => ok('dispatched'));
  const station: IpcStation = { dispatch, events: new EventBus(), logger: silentLogger };
  return { station, dispatch };
}

function openWindow(url = 'app://dockside/index.html'): FakeBrowserWindow {
  const win = new FakeBrowserWindow({});
  win.webContents.url = url;
  return win;
}

function from(sender: FakeWebContents, frameUrl: string | null) {
  return { sender, senderFrame: frameUrl === null ? null : { url: frameUrl }, frameId: 1, processId: 1 };
}

describe('IPC manager', () => {
  let manager: IpcManager;
  let win: FakeBrowserWindow;
  let station: IpcStation;
  let dispatch: ReturnType<typeof fakeStation>['dispatch'];

  beforeEach(() => {
    resetElectronMock();
    ({ station, dispatch } = fakeStation());
    win = openWindow();
    manager = registerIpc({ station, getWindow: () => win as unknown as BrowserWindow });
  });

  it('registers exactly one handler per contract channel', () => {
    const expected = channelNames.map(ipcChannel).sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
    expect([...manager.channels].sort()).toEqual(expected);
  });

  it('dispatches a call from our window to the core, with the session token', async () => {
    const result = await ipcMain.invoke(ipcChannel('operators:list'), from(win.webContents, 'app://dockside/index.html'), { x: 1 }, 'token-1');
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('operators:list', { x: 1 }, { sessionToken: 'token-1' });
  });

  it('passes a missing or non-string token on as null', async () => {
    await ipcMain.invoke(ipcChannel('station:info'), from(win.webContents, 'app://dockside/index.html'), {}, { forged: true });
    expect(dispatch).toHaveBeenLastCalledWith('station:info', {}, { sessionToken: null });
  });

  const refusals: Array<[string, () => ReturnType<typeof from>]> = [
    ['a frame on a foreign origin in our window', () => from(win.webContents, 'https://evil.example/index.html')],
    ['a look-alike origin', () => from(win.webContents, 'app://dockside.evil.example/index.html')],
    ['a file:// frame', () => from(win.webContents, 'file:///opt/dockside/index.html')],
    ['a sender without a frame (navigated away or destroyed)', () => from(win.webContents, null)],
    ['another web contents on our origin', () => from(new FakeWebContents(), 'app://dockside/index.html')],
  ];
  for (const [what, event] of refusals) {
    it(`refuses ${what} with FORBIDDEN and never dispatches`, async () => {
      for (const name of channelNames) {
        const result = (await ipcMain.invoke(ipcChannel(name), event(), {}, 'token-1')) as Result<unknown>;
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
      }
      expect(dispatch).not.toHaveBeenCalled();
    });
  }

  it('refuses calls once the window is gone', async () => {
    win.close();
    const result = (await ipcMain.invoke(ipcChannel('station:info'), from(win.webContents, 'app://dockside/index.html'), {}, null)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an INTERNAL envelope instead of a rejected invoke', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom'));
    const result = await ipcMain.invoke(ipcChannel('station:info'), from(win.webContents, 'app://dockside/index.html'), {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('forwards core events to our window only', () => {
    const other = openWindow();
    station.events.emit('db:changed', { tables: ['devices'] });
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
    expect(win.webContents.send).toHaveBeenCalledWith(ipcEventChannel, 'db:changed', { tables: ['devices'] });
    expect(other.webContents.send).not.toHaveBeenCalled();
  });

  it('does not push events into the window while it shows anything but our origin', () => {
    win.webContents.url = 'https://evil.example/';
    station.events.emit('db:changed', { tables: ['devices'] });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('dispose() removes every handler and stops forwarding events', () => {
    manager.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    station.events.emit('db:changed', { tables: ['devices'] });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});

describe('IPC manager over a real station', () => {
  let temp: TempStation;
  afterEach(() => temp.cleanup());

  it('answers our window through the core, and a foreign frame never reaches it', async () => {
    resetElectronMock();
    temp = await tempStation();
    const spy = vi.spyOn(temp.station, 'dispatch');
    const win = openWindow();
    registerIpc({ station: temp.station, getWindow: () => win as unknown as BrowserWindow });

    const info = (await ipcMain.invoke(ipcChannel('station:info'), from(win.webContents, 'app://dockside/index.html'), {}, null)) as Result<{ needsFirstAdmin: boolean }>;
    expect(info).toMatchObject({ ok: true, value: { needsFirstAdmin: false } });

    const refused = await ipcMain.invoke(ipcChannel('station:setupFirstAdmin'), from(win.webContents, 'https://evil.example/'), { name: 'Mallory', pin: '123456' }, null);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
