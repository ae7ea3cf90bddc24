// Expected lines of a batch (an advance ship notice) and their reconciliation with what was scanned.
// A line matches a live device of the same batch by PKID, or by serial when the line has no PKID.
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { StationDb } from '../open';
import type { Queryable } from '../types';
import type { Reconciliation } from '../../shared/contract/expected';
import type { AcceptedRow } from '../rows';

export function expectedKeys(db: Queryable, batchId: number): { pkids: Set<string>; serials: Set<string> } {
  const rows = db.all<{ pkid: string | null; serial: string | null }>(sql`SELECT pkid, serial FROM expected WHERE batch_id = ${batchId}`);
  const pkids = new Set<string>();
  const serials = new Set<string>();
  for (const r of rows) {
    if (r.pkid !== null) pkids.add(r.pkid);
    else if (r.serial !== null) serials.add(r.serial);
  }
  return { pkids, serials };
}

export function deleteExpected(db: Queryable, batchId: number): number {
  return db.run(sql`DELETE FROM expected WHERE batch_id = ${batchId}`).changes;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * One prepared INSERT per line, inside the caller's write transaction: it runs on the database's one
 * connection (a transaction object does not hand out its raw statements, the database does).
 */
export function insertExpected(db: StationDb, rows: readonly AcceptedRow[], values: { batchId: number; fileName: string; by: number; at: number }): void {
  const sqlite = db.$client;
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare('INSERT INTO expected (batch_id, pkid, serial, manufacturer, model, source_file, line, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    statements.set(sqlite, insert);
  }
  for (const r of rows) insert.run(values.batchId, r.pkid, r.serial, r.manufacturer, r.model, values.fileName, r.line, values.by, values.at);
}

// An expected line is matched when a live device of its batch has its PKID (or, for a line with no
// PKID, its serial). Both probes must be index lookups on the PKID / serial: without statistics the
// planner prefers devices_batch_live (two equalities) and would scan the whole batch once per line,
// so the batch terms are written +batch_id, which keeps them out of index selection (SQLite's
// documented way to steer the planner). The benchmark reconciles 100,000 lines against 100,000.
const lineMatched = (batchId: number) => sql`(
  (e.pkid IS NOT NULL AND EXISTS (SELECT 1 FROM devices d WHERE d.pkid = e.pkid AND d.pkid IS NOT NULL AND d.removed_at IS NULL AND +d.batch_id = ${batchId}))
  OR (e.pkid IS NULL AND EXISTS (SELECT 1 FROM devices d WHERE d.serial = e.serial AND d.removed_at IS NULL AND +d.batch_id = ${batchId})))`;

const deviceUnexpected = sql`(
  NOT EXISTS (SELECT 1 FROM expected e WHERE e.pkid = d.pkid AND d.pkid IS NOT NULL AND +e.batch_id = d.batch_id)
  AND NOT EXISTS (SELECT 1 FROM expected e WHERE e.batch_id = d.batch_id AND e.serial = d.serial AND e.pkid IS NULL AND d.serial IS NOT NULL))`;

export function reconcile(db: Queryable, batchId: number, limit: number): Reconciliation {
  const expected = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM expected WHERE batch_id = ${batchId}`)?.n ?? 0;
  const scanned = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM devices WHERE batch_id = ${batchId} AND removed_at IS NULL`)?.n ?? 0;
  if (expected === 0) return { expected, scanned, matched: 0, missing: 0, unexpected: 0, missingLines: [], unexpectedDevices: [] };
  const matched = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM expected e WHERE e.batch_id = ${batchId} AND ${lineMatched(batchId)}`)?.n ?? 0;
  const unexpected = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM devices d WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL AND ${deviceUnexpected}`)?.n ?? 0;
  const missingLines =
    limit === 0 || matched === expected
      ? []
      : db.all<Reconciliation['missingLines'][number]>(sql`SELECT e.id AS id, e.line AS line, e.source_file AS sourceFile, e.pkid AS pkid, e.serial AS serial,
          e.manufacturer AS manufacturer, e.model AS model FROM expected e WHERE e.batch_id = ${batchId} AND NOT ${lineMatched(batchId)} ORDER BY e.id LIMIT ${limit}`);
  const unexpectedDevices =
    limit === 0 || unexpected === 0
      ? []
      : db.all<Reconciliation['unexpectedDevices'][number]>(sql`SELECT d.id AS id, d.pkid AS pkid, d.serial AS serial, o.name AS scannedBy, d.scanned_at AS scannedAt
          FROM devices d JOIN operators o ON o.id = d.scanned_by WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL AND ${deviceUnexpected} ORDER BY d.id LIMIT ${limit}`);
  return { expected, scanned, matched, missing: expected - matched, unexpected, missingLines, unexpectedDevices };
}
