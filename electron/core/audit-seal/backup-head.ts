// A backup carries its own audit head inside the copy (settings row `audit.head`), sealed with the
// station's key, so a copy whose newest audit rows were cut off later is refused at restore. The head
// describes the copy itself, and is written only when the copy's chain checks out under the key.
import type Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit';
import { BACKUP_HEAD_SETTING, openHead, sealHead } from './head';
import type { ChainKeys } from './seal';
import { currentHead } from './table-head';

export function stampBackupHead(copy: Database.Database, key: Buffer, at: number): boolean {
  const head = currentHead(copy, at);
  const check = verifyAuditChain(copy, { key, head: { state: 'ok', head, where: 'the copy' } });
  if (!check.ok) return false;
  copy
    .prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(BACKUP_HEAD_SETTING, sealHead(key, head), at);
  return true;
}

/** The key and the copy's own head, for checking a backup before it is restored. */
export function backupChainKeys(copy: Database.Database, key: Buffer | null, where: string): ChainKeys {
  const row = copy.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_HEAD_SETTING) as { value: string } | undefined;
  return {
    key,
    head: openHead(row?.value ?? null, key, where),
    headOptional: 'this backup carries no audit head (it was taken before a schema update or by an older Dockside), so audit rows cut off at its end cannot be ruled out',
  };
}

/** The restored database keeps no stale copy of its backup's head: the live head file takes over. */
export function dropBackupHead(copy: Database.Database): void {
  copy.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_HEAD_SETTING);
}
