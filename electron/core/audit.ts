// Append-only, hash-chained audit. Each row's hash covers the previous row's hash and the row's own
// fields, so editing, deleting or inserting a row anywhere but the very end breaks the chain.
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { audit } from '../../db/schema';
import type { StationTx } from '../../db/types';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  result?: 'ok' | 'denied' | 'failed';
  operatorId?: number | null;
  operatorName?: string | null;
  objectType?: string | null;
  objectId?: string | number | null;
  detail?: Record<string, unknown>;
}

interface HashedFields {
  at: number;
  station: string;
  operatorId: number | null;
  operatorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  detail: string;
}

export function auditHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([prevHash, f.at, f.station, f.operatorId, f.operatorName, f.action, f.objectType, f.objectId, f.result, f.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function appendAudit(tx: StationTx, station: string, at: number, entry: AuditEntry): void {
  const last = tx.select({ hash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at,
    station,
    operatorId: entry.operatorId ?? null,
    operatorName: entry.operatorName ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    result: entry.result ?? 'ok',
    detail: JSON.stringify(entry.detail ?? {}),
  };
  tx.insert(audit).values({ ...fields, result: entry.result ?? 'ok', prevHash, hash: auditHash(prevHash, fields) }).run();
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  problem: string | null;
  rowId: number | null;
}

interface AuditRow extends HashedFields {
  id: number;
  prev_hash: string;
  hash: string;
}

/** Walks the chain in id order with a raw iterator, so a million rows need no memory. */
export function verifyAuditChain(sqlite: Database.Database): ChainCheck {
  const rows = sqlite
    .prepare(
      'SELECT id, at, station, operator_id AS operatorId, operator_name AS operatorName, action, object_type AS objectType, object_id AS objectId, result, detail, prev_hash, hash FROM audit ORDER BY id',
    )
    .iterate() as IterableIterator<AuditRow>;
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    const when = new Date(row.at).toISOString();
    if (row.prev_hash !== expectedPrev) {
      return {
        ok: false,
        rows: count,
        rowId: row.id,
        problem: `audit row ${row.id} (${row.action} at ${when}) does not follow the row before it: a row was removed or inserted before it`,
      };
    }
    if (auditHash(row.prev_hash, row) !== row.hash) {
      return { ok: false, rows: count, rowId: row.id, problem: `audit row ${row.id} (${row.action} at ${when}) was changed after it was written` };
    }
    expectedPrev = row.hash;
  }
  return { ok: true, rows: count, problem: null, rowId: null };
}
