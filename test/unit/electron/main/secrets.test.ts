import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, resetElectronMock } from '../../../helpers/electron-mock';
import { createSecretBox, SecretStorageUnavailableError } from '../../../../electron/main/secrets';

const safe = electronMock.safeStorage;

describe('secret box over safeStorage', () => {
  beforeEach(() => resetElectronMock());

  it('round-trips a secret without storing it in plain text', async () => {
    const box = createSecretBox(undefined, 'linux');
    const encrypted = await box.encryptString('refresh-token-123');
    expect(encrypted.toString()).not.toContain('refresh-token-123');
    expect(await box.decryptString(encrypted)).toEqual({ plainText: 'refresh-token-123', shouldReEncrypt: false });
    expect(safe.encryptStringAsync).toHaveBeenCalledTimes(1);
  });

  it("refuses Linux's basic_text backend (a hard-coded key) for both directions", async () => {
    safe.backend = 'basic_text';
    const box = createSecretBox(undefined, 'linux');
    await expect(box.encryptString('refresh-token-123')).rejects.toBeInstanceOf(SecretStorageUnavailableError);
    await expect(box.decryptString(Buffer.from('enc:eA=='))).rejects.toMatchObject({ reason: 'basic-text' });
    expect(safe.encryptStringAsync).not.toHaveBeenCalled();
    expect(safe.decryptStringAsync).not.toHaveBeenCalled();
  });

  it('refuses when encryption is unavailable', async () => {
    safe.available = false;
    await expect(createSecretBox(undefined, 'win32').encryptString('x')).rejects.toMatchObject({ reason: 'unavailable' });
    expect(safe.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('only asks for the Linux backend on Linux (the call is Linux-only)', async () => {
    safe.backend = 'basic_text';
    const box = createSecretBox(undefined, 'win32');
    await expect(box.decryptString(await box.encryptString('x'))).resolves.toEqual({ plainText: 'x', shouldReEncrypt: false });
    expect(safe.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('passes on a key rotation so the caller can re-encrypt', async () => {
    safe.decryptStringAsync.mockResolvedValueOnce({ result: 'x', shouldReEncrypt: true });
    await expect(createSecretBox(undefined, 'darwin').decryptString(Buffer.from('enc:eA=='))).resolves.toEqual({ plainText: 'x', shouldReEncrypt: true });
  });
});
