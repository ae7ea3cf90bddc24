// The one window. Renderer privileges are the Electron defaults made explicit, so a review (or a test)
// sees them and a future default change cannot loosen them.
import { BrowserWindow, type WebPreferences } from 'electron';
import type { Logger } from '../core/log';
import { appEntryUrl } from './origin';
import { hardenWebContents } from './security';

export function windowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function createMainWindow(preload: string, logger: Logger): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Dockside',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#111418',
    autoHideMenuBar: true,
    webPreferences: windowPreferences(preload),
  });
  // Also installed app-wide in security.ts; done here too so the window is safe on its own.
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(appEntryUrl).catch((err: unknown) => logger.error('the window could not load the app', err));
  return win;
}
