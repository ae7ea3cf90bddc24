// App lifecycle: one instance, the app:// scheme before ready, then station -> protocol -> IPC ->
// window. If the database cannot be opened the user gets the reason in a native dialog and the app
// quits: the data is never touched, deleted or replaced.
import { app, dialog, session, type BrowserWindow } from 'electron';
import { DatabaseOpenError } from '../../db/errors';
import { defaultDataDir } from '../core/data-dir';
import { createFileLogger, type Logger } from '../core/log';
import { createStation, type Station } from '../core/station';
import { desktopPartnerCenter } from './partner-center';
import { safeStorageAuditKeyStore } from './audit-key-store';
import { defaultAuditKeyStores } from '../core/audit-seal/key-stores';

/** The OS keychain the CLI shares, then safeStorage, then the fallback file (just before it). */
async function desktopAuditKeyStores(dataDir: string) {
  const shared = await defaultAuditKeyStores(dataDir);
  return [...shared.slice(0, -1), safeStorageAuditKeyStore(dataDir), ...shared.slice(-1)];
}
import { registerIpc, type IpcManager } from './ipc';
import { appPaths } from './paths';
import { registerAppScheme, serveApp } from './protocol';
import { hardenApp, installPermissionHandlers } from './security';
import { systemLanguages } from './system-languages';
import { createMainWindow } from './window';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

function showFatal(err: unknown, logger: Logger): void {
  logger.error('dockside could not start', err);
  if (err instanceof DatabaseOpenError) {
    dialog.showErrorBox('Dockside cannot open its database', err.message);
  } else {
    const detail = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox('Dockside could not start', `${detail}\n\nNothing stored was changed.`);
  }
  app.exit(1);
}

export async function runApp({ env = process.env, logger: given }: RunOptions = {}): Promise<void> {
  // The desktop app stays up for a shift: its log goes to <dataDir>/logs (rotated), for support bundles.
  const logger = given ?? createFileLogger({ dataDir: defaultDataDir(env), stderr: true });
  app.setName('Dockside');
  if (!app.requestSingleInstanceLock()) {
    // Another Dockside is running on this machine: it gets focus (second-instance below), we leave.
    app.quit();
    return;
  }
  registerAppScheme();
  hardenApp(app);

  let station: Station | null = null;
  let window: BrowserWindow | null = null;
  let ipc: IpcManager | null = null;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    ipc?.dispose();
    ipc = null;
    station?.close();
    station = null;
  });

  await app.whenReady();
  const paths = appPaths(app.getAppPath());
  try {
    const dataDir = defaultDataDir(env);
    station = await createStation({
      dataDir,
      migrationsDir: paths.migrationsDir,
      logger,
      partnerCenter: desktopPartnerCenter(dataDir, logger),
      backupSchedule: true,
      fleetSync: true,
      systemLanguages: systemLanguages(app),
      auditKeyStores: desktopAuditKeyStores,
    });
    installPermissionHandlers(session.defaultSession);
    serveApp(paths.rendererRoot);
    ipc = registerIpc({ station, getWindow: () => window });
    const win = createMainWindow(paths.preload, station.logger);
    win.on('closed', () => {
      if (window === win) window = null;
    });
    window = win;
    station.sync.start();
  } catch (err) {
    ipc?.dispose();
    ipc = null;
    station?.close();
    station = null;
    showFatal(err, logger);
  }
}
