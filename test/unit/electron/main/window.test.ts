import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { FakeBrowserWindow, resetElectronMock } from '../../../helpers/electron-mock';
import { silentLogger } from '../../../../electron/core/log';
import { createMainWindow } from '../../../../electron/main/window';

const preload = '/opt/dockside/resources/app.asar/out/preload/index.cjs';

function openWindow(): FakeBrowserWindow {
  createMainWindow(preload, silentLogger);
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

describe('main window', () => {
  beforeEach(() => resetElectronMock());

  it('is isolated, sandboxed, without Node, with web security and without <webview>', () => {
    const prefs = openWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the app from app://dockside, never from file:// or a dev server', () => {
    const win = openWindow();
    expect(win.webContents.loadURL).toHaveBeenCalledTimes(1);
    expect(win.webContents.loadURL).toHaveBeenCalledWith('app://dockside/index.html');
  });

  it('is guarded on its own: foreign navigation blocked, window.open denied', () => {
    const win = openWindow();
    expect(win.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.attempt('will-navigate', 'app://dockside/index.html')).toBe(false);
    expect(win.webContents.windowOpenHandler?.({ url: 'app://dockside/index.html' })).toEqual({ action: 'deny' });
  });

  it('is shown only once ready, to avoid a white flash', () => {
    const win = openWindow();
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});
