// Where the audit key lives. It must be outside the database (whoever can edit the file must not find
// the key in it), and every front door on one data folder must find the same key, so each looks in
// the same places in the same order:
//   1. the OS keychain, through the same adapters as the Partner Center token cache's key
//      (Secret Service via secret-tool, the macOS keychain, Windows DPAPI), under its own entry;
//   2. the desktop app only: a safeStorage-wrapped key file (electron/main/audit-key-store.ts);
//   3. the documented fallback where no keychain exists: <dataDir>/audit.key, mode 0600. It keeps the
//      key out of the database and its backups, but not from someone who can read the data folder as
//      the station's own user: the README says so.
// A key is created only on a station whose chain was never keyed; a keyed station whose key cannot be
// found stops with a plain sentence instead of starting a new chain that would hide the old one.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectKeyStore, type KeyPurpose, type KeyStore } from '../../partner-center/keychain-secret-box';
import { writeFileAtomic } from '../../partner-center/token-cache';

export const AUDIT_KEY: KeyPurpose = {
  service: 'dockside-audit',
  accountPrefix: 'audit-key',
  label: 'Dockside audit chain key',
  dpapiFile: 'audit-key.dpapi',
  dpapiEntropy: 'dockside/audit-chain-key',
};

export const AUDIT_KEY_FILE = 'audit.key';

/** A store as the audit seal sees it: the keychain adapters' KeyStore, with any name. */
export interface AuditKeyStore {
  readonly kind: string;
  load(): Promise<Buffer | null>;
  save(key: Buffer): Promise<void>;
}

/** The fallback: the key in base64 in a file only the station's user may read. */
export function fileKeyStore(dataDir: string): AuditKeyStore {
  const path = join(dataDir, AUDIT_KEY_FILE);
  return {
    kind: `file ${path}`,
    async load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      // A copy put back by hand may have lost its mode: it is put right, not refused.
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      const key = Buffer.from(text.trim(), 'base64');
      if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte key`);
      return key;
    },
    save: (key) => writeFileAtomic(path, Buffer.from(`${key.toString('base64')}\n`), 0o600),
  };
}

/** The stores the browser host and the CLI use: the OS keychain if there is one, then the file. */
export async function defaultAuditKeyStores(dataDir: string): Promise<AuditKeyStore[]> {
  const keychain: KeyStore | null = await detectKeyStore({ dataDir, purpose: AUDIT_KEY }).catch(() => null);
  return keychain ? [keychain, fileKeyStore(dataDir)] : [fileKeyStore(dataDir)];
}

export type KeyLookup = { key: Buffer; store: string } | { key: null; problems: string[] };

/** Looks in every store, in order; a store that cannot be asked is noted and the next one tried. */
export async function findAuditKey(stores: readonly AuditKeyStore[]): Promise<KeyLookup> {
  const problems: string[] = [];
  for (const store of stores) {
    try {
      const key = await store.load();
      if (key) return { key, store: store.kind };
      problems.push(`${store.kind}: no key`);
    } catch (err) {
      problems.push(`${store.kind}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { key: null, problems };
}

/** Saves a new key in the first store that keeps it (read back to be sure); throws if none does. */
export async function saveNewAuditKey(stores: readonly AuditKeyStore[], key: Buffer = randomBytes(32)): Promise<{ key: Buffer; store: string }> {
  const problems: string[] = [];
  for (const store of stores) {
    try {
      await store.save(key);
      const back = await store.load();
      if (back?.equals(key)) return { key, store: store.kind };
      problems.push(`${store.kind}: the key did not survive a store-and-read-back`);
    } catch (err) {
      problems.push(`${store.kind}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`The audit key could not be stored anywhere (${problems.join('; ')}).`);
}
