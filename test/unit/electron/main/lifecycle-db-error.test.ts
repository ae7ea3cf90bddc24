// Start-up against a damaged database file, with the real core: the user is told why, the app exits,
// and the file is exactly as it was (never deleted, replaced or "repaired").
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../../helpers/electron-mock';
import { makeTempDir } from '../../../helpers/temp-station';
import { databasePath } from '../../../../electron/core/data-dir';
import { silentLogger } from '../../../../electron/core/log';
import { runApp } from '../../../../electron/main/lifecycle';

describe('app start-up on a damaged database', () => {
  let dataDir: string;
  beforeEach(() => {
    resetElectronMock();
    electronMock.app.appPath = process.cwd();
    dataDir = makeTempDir();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the reason, exits, and leaves the file untouched', async () => {
    const file = databasePath(dataDir);
    const garbage = Buffer.from('this is not an SQLite database, but it is somebody\'s data'.repeat(200));
    writeFileSync(file, garbage);

    await runApp({ env: { DOCKSIDE_DATA_DIR: dataDir }, logger: silentLogger });

    expect(electronMock.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = electronMock.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Dockside cannot open its database');
    expect(message).toContain(file);
    expect(electronMock.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dataDir)).toContain('dockside.sqlite');
  });
});
