// What the Partner Center token cache is encrypted with before it touches the disk. The cache holds
// refresh tokens (hours-to-months of App+User access to every customer tenant), so it is never written
// in plain text: every front door hands the provider a SecretBox, or null for "keep it in memory only".
//
// Implementations:
//  - Electron: electron/main adapts `safeStorage` (DPAPI / Keychain / libsecret, refusing Linux
//    'basic_text'; see electron/main/secrets.ts) with `secretBoxFromSafeStorage` below:
//        const box = secretBoxFromSafeStorage(createSecretBox());   // createSecretBox from electron/main/secrets
//    If safeStorage is unusable (SecretStorageUnavailableError when probing), pass `secretBox: null`
//    to createMsalTokenProvider: the sign-in then lasts for the process only.
//  - Browser host / CLI (plain Node, no safeStorage): `openKeychainSecretBox()` in
//    keychain-secret-box.ts: AES-256-GCM with a random key held by the OS keychain, or null.

export interface SecretBox {
  /** Short name of where the key lives, for logs and the status line ('safeStorage', 'libsecret', …). */
  readonly kind: string;
  encrypt(plainText: string): Promise<Buffer>;
  /** Throws when the bytes were not produced by this box (other key, tampered, truncated). */
  decrypt(encrypted: Buffer): Promise<string>;
}

/** The shape of electron/main/secrets.ts's box, restated structurally so this file never imports 'electron'. */
export interface SafeStorageLikeBox {
  encryptString(plainText: string): Promise<Buffer>;
  decryptString(encrypted: Buffer): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

/**
 * Adapts electron/main's safeStorage box. `shouldReEncrypt` (the OS key rotated) needs no extra work:
 * MSAL rewrites the cache after every token it obtains, and each write encrypts with the current key.
 */
export function secretBoxFromSafeStorage(box: SafeStorageLikeBox): SecretBox {
  return {
    kind: 'safeStorage',
    encrypt: (plainText) => box.encryptString(plainText),
    decrypt: async (encrypted) => (await box.decryptString(encrypted)).plainText,
  };
}
