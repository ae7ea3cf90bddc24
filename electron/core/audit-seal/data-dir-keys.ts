// The key and the live head of a data folder, without opening a station (restore, and checks of a
// database file by path). Never creates a key.
import { headPath, openHead, readHeadText } from './head';
import { defaultAuditKeyStores, findAuditKey, type AuditKeyStore } from './key-stores';
import type { ChainKeys } from './seal';

export async function auditKeyFor(dataDir: string, stores?: readonly AuditKeyStore[]): Promise<Buffer | null> {
  return (await findAuditKey(stores ?? (await defaultAuditKeyStores(dataDir)))).key;
}

export async function chainKeysForDataDir(dataDir: string, stores?: readonly AuditKeyStore[]): Promise<ChainKeys> {
  const key = await auditKeyFor(dataDir, stores);
  const path = headPath(dataDir);
  return { key, head: openHead(readHeadText(path), key, path) };
}
