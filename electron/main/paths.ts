// Where the built app's pieces are, relative to the app folder (the project root in development,
// app.asar when packaged). electron-builder copies out/** and db/migrations/** there.
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  rendererRoot: string;
  migrationsDir: string;
}

export function appPaths(appPath: string): AppPaths {
  return {
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    rendererRoot: join(appPath, 'out', 'renderer'),
    migrationsDir: join(appPath, 'db', 'migrations'),
  };
}
