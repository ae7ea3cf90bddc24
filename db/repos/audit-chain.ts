// The audit table as a chain: its last link, a new link, and every link in id order. What a link's
// hash covers and how it is checked is the core's (electron/core/audit-seal/).
import { desc } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { audit } from '../schema';
import type { Queryable } from '../types';
import type { AuditRowView } from './reports';

export type NewAuditRow = typeof audit.$inferInsert & { id: number; prevHash: string; hash: string };

/** One stored link: the row as the viewer reads it, with the hashes that chain it, under the names the seal uses. */
export type AuditLinkRow = AuditRowView & { prev_hash: string; hash: string };

/** The newest row's id and hash, or undefined on an empty trail. */
export function lastAuditLink(db: Queryable): { id: number; hash: string } | undefined {
  return db.select({ id: audit.id, hash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).get();
}

export function insertAuditRow(db: Queryable, row: NewAuditRow): void {
  db.insert(audit).values(row).run();
}

/** Every row in id order through a raw iterator, so walking a million rows needs no memory. */
export function auditLinksInOrder(sqlite: Database.Database): IterableIterator<AuditLinkRow> {
  return sqlite
    .prepare(
      'SELECT id, at, station, operator_id AS operatorId, operator_name AS operatorName, action, object_type AS objectType, object_id AS objectId, result, detail, prev_hash, hash FROM audit ORDER BY id',
    )
    .iterate() as IterableIterator<AuditLinkRow>;
}
