// The hub role's password at rest, kept the way the Partner Center token cache is: one blob,
// <dataDir>/fleet-hub-password.bin, encrypted (AES-256-GCM) with a key from the OS keychain under its
// own entry. Where the machine has no keychain it is not kept at all: each command then takes it from
// DOCKSIDE_HUB_PASSWORD or --hub-password -. It is never in the settings, the database or a backup.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openKeychainSecretBox, type KeyPurpose, type OpenKeychainSecretBoxOptions } from '../../partner-center/keychain-secret-box';
import { writeFileAtomic } from '../../partner-center/token-cache';

export const HUB_PASSWORD_FILE = 'fleet-hub-password.bin';

export const HUB_PASSWORD_KEY: KeyPurpose = {
  service: 'dockside-fleet-hub',
  accountPrefix: 'hub-password',
  label: 'Dockside fleet hub password key',
  dpapiFile: 'fleet-hub-password.key.dpapi',
  dpapiEntropy: 'dockside/fleet-hub-password',
};

export type KeychainOptions = Omit<OpenKeychainSecretBoxOptions, 'dataDir' | 'purpose'>;

export type SavedPassword = { kept: true; store: string } | { kept: false; reason: string };

const path = (dataDir: string) => join(dataDir, HUB_PASSWORD_FILE);

export async function saveHubPassword(dataDir: string, password: string, keychain: KeychainOptions = {}): Promise<SavedPassword> {
  const opened = await openKeychainSecretBox({ ...keychain, dataDir, purpose: HUB_PASSWORD_KEY });
  if (!opened.box) {
    await forgetHubPassword(dataDir);
    return { kept: false, reason: opened.reason };
  }
  await writeFileAtomic(path(dataDir), await opened.box.encrypt(password));
  return { kept: true, store: opened.store };
}

/** The saved password, or null when none is saved or it cannot be opened here (another machine's key). */
export async function loadHubPassword(dataDir: string, keychain: KeychainOptions = {}): Promise<string | null> {
  let blob: Buffer;
  try {
    blob = await readFile(path(dataDir));
  } catch {
    return null;
  }
  const opened = await openKeychainSecretBox({ ...keychain, dataDir, purpose: HUB_PASSWORD_KEY });
  if (!opened.box) return null;
  return opened.box.decrypt(blob).catch(() => null);
}

export async function forgetHubPassword(dataDir: string): Promise<void> {
  await rm(path(dataDir), { force: true });
}
