// The desktop app's own place for the audit chain's key: wrapped with safeStorage (DPAPI, Keychain,
// the desktop keyring; never Linux's basic_text, see secrets.ts) in <dataDir>/audit-key.safestorage.
// It comes after the OS keychain adapters the CLI and browser host also use, so on most machines every
// front door finds the key in the same keychain entry; this store is for a desktop whose keychain only
// Electron can reach (a keyring without secret-tool). The CLI cannot open it, and says so.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditKeyStore } from '../core/audit-seal/key-stores';
import { writeFileAtomic } from '../partner-center/token-cache';
import { createSecretBox, type SecretBox } from './secrets';

export const SAFE_STORAGE_KEY_FILE = 'audit-key.safestorage';

export function safeStorageAuditKeyStore(dataDir: string, box: SecretBox = createSecretBox()): AuditKeyStore {
  const path = join(dataDir, SAFE_STORAGE_KEY_FILE);
  return {
    kind: `safeStorage (${path})`,
    async load() {
      let wrapped: Buffer;
      try {
        wrapped = await readFile(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      const key = Buffer.from((await box.decryptString(wrapped)).plainText, 'base64');
      if (key.length !== 32) throw new Error(`${path} does not unwrap to a 32-byte key`);
      return key;
    },
    async save(key) {
      await writeFileAtomic(path, await box.encryptString(key.toString('base64')), 0o600);
    },
  };
}
