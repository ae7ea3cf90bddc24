// The raw facts behind the two-person rule: every (operator, action) that shaped what a batch will send.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../types';

export interface ChangeRowsOptions {
  /** Just the live failed devices (the ones a move takes along). */
  readonly failedOnly: boolean;
  /** Device actions that do not change what is sent. */
  readonly notAChange: readonly string[];
  /** The audit action, on a batch, carrying who had changed devices moved into it. */
  readonly movedIn: string;
}

/** Each live device's scanner or importer, audited device actions, imports into the batch, and changers carried over by a move. */
export function batchChangeRows(db: Queryable, batchId: number, { failedOnly, notAChange, movedIn }: ChangeRowsOptions): { operatorId: number; action: string }[] {
  const state = failedOnly ? sql`AND d.state = 'failed'` : sql``;
  return db.all<{ operatorId: number; action: string }>(sql`
    SELECT d.scanned_by AS operatorId, CASE d.source WHEN 'import' THEN 'import:commit' ELSE 'scans:record' END AS action
      FROM devices d WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL ${state}
    UNION
    SELECT a.operator_id, a.action FROM devices d
      -- CROSS JOIN keeps devices outside: one audit_object lookup per live device of this batch, never
      -- a walk of every device row in the audit (SQLite otherwise picks that order).
      CROSS JOIN audit a ON a.object_type = 'device' AND a.object_id = CAST(d.id AS TEXT)
      WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL ${state}
        AND a.result = 'ok' AND a.operator_id IS NOT NULL AND a.action NOT IN (${sql.join(notAChange.map((a) => sql`${a}`), sql`, `)})
    UNION
    SELECT a.operator_id, a.action FROM audit a
      WHERE a.object_type = 'batch' AND a.object_id = ${String(batchId)} AND a.result = 'ok' AND a.operator_id IS NOT NULL AND a.action LIKE 'import:%'
    UNION
    SELECT CAST(j.value AS INTEGER), ${movedIn} FROM audit a, json_each(a.detail, '$.changedBy') j
      WHERE a.object_type = 'batch' AND a.object_id = ${String(batchId)} AND a.action = ${movedIn}
  `);
}
