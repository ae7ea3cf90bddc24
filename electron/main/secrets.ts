// Secrets at rest (the Partner Center token cache) go through safeStorage: DPAPI on Windows, Keychain
// on macOS, the desktop's secret service on Linux. Where Linux has none, Chromium falls back to a
// hard-coded key ('basic_text'): that is plain text in disguise, so we refuse rather than pretend.
// The async API is used because the synchronous one is deprecated in Electron 45.
import { safeStorage } from 'electron';

export class SecretStorageUnavailableError extends Error {
  constructor(readonly reason: 'basic-text' | 'backend-unknown' | 'unavailable') {
    super(
      reason === 'basic-text'
        ? 'This computer has no secret store (keyring) Dockside can use, so the sign-in cannot be kept safely. Install or unlock a keyring (GNOME Keyring, KWallet) and start again.'
        : reason === 'backend-unknown'
          ? 'Secret storage is not ready yet; it can be used once the app has started.'
          : 'Encryption is not available on this computer, so the sign-in cannot be kept safely.',
    );
    this.name = 'SecretStorageUnavailableError';
  }
}

export interface Decrypted {
  plainText: string;
  /** The OS key was rotated: encrypt the value again and store the new bytes. */
  shouldReEncrypt: boolean;
}

export interface SecretBox {
  encryptString(plainText: string): Promise<Buffer>;
  decryptString(encrypted: Buffer): Promise<Decrypted>;
}

type SafeStorageApi = Pick<typeof safeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable'> & {
  getSelectedStorageBackend?: () => string;
};

export function createSecretBox(storage: SafeStorageApi = safeStorage, platform: NodeJS.Platform = process.platform): SecretBox {
  async function ensureUsable(): Promise<void> {
    // Asking first also initialises the encryptor, so the backend below is the one actually in use.
    const available = await storage.isAsyncEncryptionAvailable();
    if (platform === 'linux') {
      const backend = storage.getSelectedStorageBackend?.();
      if (backend === 'basic_text') throw new SecretStorageUnavailableError('basic-text');
      if (backend === 'unknown') throw new SecretStorageUnavailableError('backend-unknown');
    }
    if (!available) throw new SecretStorageUnavailableError('unavailable');
  }
  return {
    async encryptString(plainText) {
      await ensureUsable();
      return storage.encryptStringAsync(plainText);
    },
    async decryptString(encrypted) {
      await ensureUsable();
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(encrypted);
      return { plainText: result, shouldReEncrypt };
    },
  };
}
