// The one IPC manager (like Electron Fiddle's IpcMainManager): one ipcMain.handle per contract channel,
// each refusing any sender that is not our window showing app://dockside, and the core's events pushed
// to that window only. The core's dispatcher does the rest (permission, input, envelope).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames, fail, type Channel, type Result } from '../../shared/contract';
import { ipcChannel, ipcEventChannel } from '../../shared/contract/bridge';
import type { Station } from '../core/station';
import { isAppOrigin } from './origin';

export type IpcStation = Pick<Station, 'dispatch' | 'events' | 'logger'>;

export interface IpcManagerOptions {
  station: IpcStation;
  /** The main window, or null before it exists / after it closed. */
  getWindow: () => BrowserWindow | null;
}

export interface IpcManager {
  /** The IPC channel names registered, one per contract channel. */
  readonly channels: readonly string[];
  dispose(): void;
}

function liveWindow(getWindow: () => BrowserWindow | null): BrowserWindow | null {
  const win = getWindow();
  return win && !win.isDestroyed() ? win : null;
}

/** Electron checklist #17: the frame must exist, be on our origin, and belong to our window. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !isAppOrigin(frame.url)) return false;
  return win !== null && event.sender === win.webContents;
}

export function registerIpc({ station, getWindow }: IpcManagerOptions): IpcManager {
  const channels: string[] = [];
  for (const name of channelNames) {
    const ipcName = ipcChannel(name);
    ipcMain.handle(ipcName, (event, input: unknown, sessionToken: unknown) => handle(name, event, input, sessionToken));
    channels.push(ipcName);
  }

  async function handle(name: Channel, event: IpcMainInvokeEvent, input: unknown, sessionToken: unknown): Promise<Result<unknown>> {
    if (!isTrustedSender(event, liveWindow(getWindow))) {
      station.logger.warn('ipc call refused: untrusted sender', { channel: name, url: event.senderFrame?.url ?? null });
      return fail('FORBIDDEN', 'This call did not come from the Dockside window.');
    }
    try {
      return await station.dispatch(name, input, { sessionToken: typeof sessionToken === 'string' ? sessionToken : null });
    } catch (err) {
      // dispatch() already turns handler errors into envelopes; this only guards the transport.
      station.logger.error('ipc dispatch failed', err, { channel: name });
      return fail('INTERNAL', 'Something went wrong inside the station; nothing was changed. The details are in the log.');
    }
  }

  const unsubscribe = station.events.onAny((name, payload) => {
    const win = liveWindow(getWindow);
    if (!win || !isAppOrigin(win.webContents.getURL())) return;
    win.webContents.send(ipcEventChannel, name, payload);
  });

  return {
    channels,
    dispose() {
      unsubscribe();
      for (const channel of channels) ipcMain.removeHandler(channel);
    },
  };
}
