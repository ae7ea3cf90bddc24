// Append-only, hash-chained audit. Each row's hash covers the previous row's hash and the row's own
// fields, sealed with the station's audit key (audit-seal/), so editing, deleting, inserting,
// renumbering or re-chaining rows without the key breaks the chain; the head kept outside the table
// (audit-seal/head.ts) catches what a chain alone cannot: rows cut off at the end.
import type Database from 'better-sqlite3';
import { auditLinksInOrder, insertAuditRow, lastAuditLink } from '../../db/repos/audit-chain';
import type { StationTx } from '../../db/types';
import { GENESIS_HASH, isKeyed, keyedHash, legacyHash, type HashedFields } from './audit-seal/format';
import type { AuditSeal, ChainKeys } from './audit-seal/seal';

export { GENESIS_HASH, legacyHash as auditHash };

export interface AuditEntry {
  action: string;
  result?: 'ok' | 'denied' | 'failed';
  operatorId?: number | null;
  operatorName?: string | null;
  objectType?: string | null;
  objectId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Who writes the row: the station's id and the seal it signs with. */
export interface AuditWriter {
  readonly id: string;
  readonly seal: AuditSeal;
}

export function appendAudit(tx: StationTx, station: AuditWriter, at: number, entry: AuditEntry): void {
  const last = lastAuditLink(tx);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The id is part of what is sealed, so it is chosen here (the write lock is held: nobody else can take it).
  const id = (last?.id ?? 0) + 1;
  const fields: HashedFields = {
    at,
    station: station.id,
    operatorId: entry.operatorId ?? null,
    operatorName: entry.operatorName ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    result: entry.result ?? 'ok',
    detail: JSON.stringify(entry.detail ?? {}),
  };
  insertAuditRow(tx, { id, ...fields, result: entry.result ?? 'ok', prevHash, hash: station.seal.hash(id, prevHash, fields) });
  station.seal.appended();
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  problem: string | null;
  rowId: number | null;
  /** Rows written before the chain was keyed (plain SHA-256). */
  unkeyedRows: number;
  /** What could not be checked here (no key, no head): not proof of tampering, not proof of its absence. */
  warnings: string[];
}

const at = (row: { id: number; action: string; at: number }) => `audit row ${row.id} (${row.action} at ${new Date(row.at).toISOString()})`;

/** Walks the chain in id order with a raw iterator (a million rows need no memory), then holds it to its head. */
export function verifyAuditChain(sqlite: Database.Database, keys: ChainKeys): ChainCheck {
  const rows = auditLinksInOrder(sqlite);
  const { key } = keys;
  const head = keys.head.state === 'ok' ? keys.head.head : null;
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  let unkeyed = 0;
  let unchecked = 0;
  let firstKeyed: number | null = null;
  let lastId = 0;
  let atHead: { rows: number; hash: string } | null = null;
  const broken = (rowId: number | null, problem: string): ChainCheck => ({ ok: false, rows: count, rowId, problem, unkeyedRows: unkeyed, warnings: [] });
  for (const row of rows) {
    count++;
    if (head && atHead === null && head.lastId > 0 && row.id > head.lastId) {
      return broken(row.id, `audit row ${head.lastId}, the last one the station recorded outside the database, is gone (deleted or renumbered)`);
    }
    if (row.prev_hash !== expectedPrev) return broken(row.id, `${at(row)} does not follow the row before it: a row was removed or inserted before it`);
    if (isKeyed(row.hash)) {
      firstKeyed ??= row.id;
      if (key === null) unchecked++;
      else if (row.hash !== keyedHash(key, row.id, row.prev_hash, row)) return broken(row.id, `${at(row)} was changed after it was written (its seal does not match the station's audit key)`);
    } else {
      if (firstKeyed !== null) return broken(row.id, `${at(row)} is unsealed although earlier rows are sealed: it was rewritten without the station's audit key`);
      if (legacyHash(row.prev_hash, row) !== row.hash) return broken(row.id, `${at(row)} was changed after it was written`);
      unkeyed++;
    }
    if (head && row.id === head.lastId) atHead = { rows: count, hash: row.hash };
    expectedPrev = row.hash;
    lastId = row.id;
  }
  const warnings: string[] = [];
  if (head) {
    if (head.lastId > 0 && atHead === null) {
      return broken(
        null,
        count === 0
          ? `all ${head.rows} audit rows were removed (the station recorded ${head.rows} rows up to row ${head.lastId} outside the database)`
          : `the newest audit rows were removed: the station recorded ${head.rows} rows up to row ${head.lastId} outside the database, the table ends at row ${lastId}`,
      );
    }
    if (atHead && atHead.hash !== head.lastHash) return broken(head.lastId, `audit row ${head.lastId} is not the row the station recorded as its last: it was rewritten or renumbered`);
    if (atHead && atHead.rows !== head.rows) return broken(head.lastId, `the station recorded ${head.rows} audit rows up to row ${head.lastId}, the table has ${atHead.rows}: rows were removed or inserted`);
    const keyedFromOk = head.keyedFrom === null ? firstKeyed === null || firstKeyed > head.lastId : firstKeyed === head.keyedFrom;
    if (!keyedFromOk) {
      return broken(head.keyedFrom, `the sealed part of the chain should start at row ${head.keyedFrom ?? `${head.lastId + 1} or later`} but starts at ${firstKeyed === null ? 'no row' : `row ${firstKeyed}`}: rows were rewritten without the station's audit key`);
    }
  } else if (keys.head.state === 'altered') {
    return broken(null, `the audit head kept outside the database (${keys.head.where}) was altered: ${keys.head.reason}`);
  } else if (keys.head.state === 'missing' && keys.headOptional !== undefined) {
    warnings.push(keys.headOptional);
  } else if (keys.head.state === 'missing') {
    if (firstKeyed !== null || key !== null) return broken(null, `the audit head kept outside the database (${keys.head.where}) is missing: rows cut off at the end could not be noticed`);
    warnings.push('there is no audit head to check the end of the chain against (the trail was never sealed): rows cut off at the end would not be noticed');
  } else {
    warnings.push(`the audit head (${keys.head.where}) could not be checked without the station's audit key`);
  }
  if (unchecked > 0) warnings.push(`${unchecked} sealed audit rows could not be checked: the station's audit key is not available here`);
  return { ok: warnings.length === 0, rows: count, problem: null, rowId: null, unkeyedRows: unkeyed, warnings };
}

