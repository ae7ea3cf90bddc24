import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());
vi.mock('../../../../electron/core/station', () => ({ createStation: vi.fn() }));

import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../../helpers/electron-mock';
import { DatabaseOpenError } from '../../../../db/errors';
import { EventBus } from '../../../../electron/core/event-bus';
import { silentLogger } from '../../../../electron/core/log';
import { createStation, type Station } from '../../../../electron/core/station';
import { runApp } from '../../../../electron/main/lifecycle';
import { channelNames } from '../../../../shared/contract';

const createStationMock = vi.mocked(createStation);
const app = electronMock.app;
const appPath = '/opt/dockside/resources/app.asar';

function fakeStation() {
  const station = { dispatch: vi.fn(), events: new EventBus(), logger: silentLogger, close: vi.fn(), sync: { start: vi.fn(), stop: vi.fn(async () => {}) } };
  createStationMock.mockResolvedValue(station as unknown as Station);
  return station;
}

describe('app lifecycle', () => {
  beforeEach(() => {
    resetElectronMock();
    createStationMock.mockReset();
    app.appPath = appPath;
  });

  it('starts: name, scheme before ready, station from the app folder, protocol, IPC, one window, the upload engine', async () => {
    const station = fakeStation();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/dockside-data' }, logger: silentLogger });

    expect(app.setName).toHaveBeenCalledWith('Dockside');
    const schemeOrder = electronMock.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(schemeOrder).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(createStationMock).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/srv/dockside-data', migrationsDir: join(appPath, 'db', 'migrations'), partnerCenter: expect.any(Function) }));
    expect(electronMock.protocol.handlers.has('app')).toBe(true);
    expect(electronMock.ipcMain.handlers.size).toBe(channelNames.length);
    expect(electronMock.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences?.preload).toBe(join(appPath, 'out', 'preload', 'index.cjs'));
    expect(electronMock.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(station.sync.start).toHaveBeenCalledOnce();
  });

  it("hands the OS's preferred languages to the station, as canonical tags", async () => {
    fakeStation();
    app.preferredSystemLanguages = ['de_DE.UTF-8', 'de_DE', 'de', 'en_US.UTF-8'];
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    expect(createStationMock).toHaveBeenCalledWith(expect.objectContaining({ systemLanguages: ['de-DE', 'de', 'en-US'] }));
  });

  it('hardens web contents created later too (app-wide)', async () => {
    fakeStation();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    const popup = new FakeBrowserWindow({});
    expect(popup.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('quitting closes the station and removes the IPC handlers', async () => {
    const station = fakeStation();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    expect(station.close).not.toHaveBeenCalled();
    app.emit('will-quit');
    expect(station.close).toHaveBeenCalledTimes(1);
    expect(electronMock.ipcMain.handlers.size).toBe(0);
  });

  it('closing the last window quits', async () => {
    fakeStation();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    FakeBrowserWindow.instances[0]!.close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('a second instance quits at once and the first one comes to the front', async () => {
    fakeStation();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);

    resetElectronMock();
    app.requestSingleInstanceLock.mockReturnValue(false);
    createStationMock.mockClear();
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(createStationMock).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on a database that cannot be opened: the reason in a native dialog, exit, no window, no IPC', async () => {
    const error = new DatabaseOpenError({ kind: 'corrupt', path: '/srv/d/dockside.sqlite', detail: 'file is not a database' });
    createStationMock.mockRejectedValue(error);
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });

    expect(electronMock.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(electronMock.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), error.message);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(electronMock.ipcMain.handlers.size).toBe(0);
  });

  it('on any other start-up failure: closes what was opened, says so, exits', async () => {
    const station = fakeStation();
    electronMock.protocol.handle.mockImplementationOnce(() => {
      throw new Error('protocol already handled');
    });
    await runApp({ env: { DOCKSIDE_DATA_DIR: '/srv/d' }, logger: silentLogger });
    expect(station.close).toHaveBeenCalledTimes(1);
    expect(electronMock.dialog.showErrorBox).toHaveBeenCalledWith('Dockside could not start', expect.stringContaining('protocol already handled'));
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});
