import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, resetElectronMock } from '../../../helpers/electron-mock';
import { safeStorageAuditKeyStore, SAFE_STORAGE_KEY_FILE } from '../../../../electron/main/audit-key-store';
import { createSecretBox } from '../../../../electron/main/secrets';
import { makeTempDir } from '../../../helpers/temp-station';

let dataDir: string;
beforeEach(() => {
  resetElectronMock();
  dataDir = makeTempDir();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('audit key in safeStorage', () => {
  it('keeps the key wrapped, never in plain text, and reads it back', async () => {
    const store = safeStorageAuditKeyStore(dataDir, createSecretBox(undefined, 'linux'));
    expect(await store.load()).toBeNull();
    const key = randomBytes(32);
    await store.save(key);
    const onDisk = readFileSync(join(dataDir, SAFE_STORAGE_KEY_FILE));
    expect(onDisk.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(onDisk.includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, SAFE_STORAGE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect((await store.load())?.equals(key)).toBe(true);
  });

  it("refuses Linux's basic_text backend rather than keep the key under a hard-coded one", async () => {
    electronMock.safeStorage.backend = 'basic_text';
    const store = safeStorageAuditKeyStore(dataDir, createSecretBox(undefined, 'linux'));
    await expect(store.save(randomBytes(32))).rejects.toThrow(/secret store/);
  });
});
