// One data folder for every front door on a machine, so the desktop app, the browser host and the
// CLI all see the same station. DOCKSIDE_DATA_DIR overrides it (tests, portable installs).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DOCKSIDE_DATA_DIR) return env.DOCKSIDE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dockside');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dockside');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'dockside');
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'dockside.sqlite');
}
