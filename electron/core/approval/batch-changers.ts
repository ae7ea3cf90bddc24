// Who changed what a batch will send, read from recorded facts only: each live device's scanner or
// importer, every successful audited action on those devices (fixes, restores, serials, hashes, and
// any action added later, unless listed below as not changing what is sent), imports into the batch,
// and the changers carried over when failed devices were moved in from another batch.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/types';
import type { BatchChanger, ChangeKind } from '../../../shared/domain/two-person';

/** Device actions that do not change what is sent (a removed or undone line is not sent at all). */
const NOT_A_CHANGE = ['review:removeDevice', 'scans:undo'];

/** The audit action, on the batch that receives moved devices, carrying who had changed them. */
export const MOVED_IN = 'uploads:movedIn';

function kindOf(action: string): ChangeKind {
  if (action.startsWith('scans:')) return 'scanned';
  if (action.startsWith('import:')) return 'imported';
  if (action === 'review:fixDevice') return 'fixed';
  if (action === 'review:restoreDevice') return 'restored';
  if (action === MOVED_IN) return 'changed before a move';
  return 'changed';
}

const ORDER: ChangeKind[] = ['scanned', 'imported', 'fixed', 'restored', 'changed', 'changed before a move'];

/** `failedOnly`: just the live failed devices (the ones a move takes along). */
export function batchChangers(db: Queryable, batchId: number, failedOnly = false): BatchChanger[] {
  const state = failedOnly ? sql`AND d.state = 'failed'` : sql``;
  const rows = db.all<{ operatorId: number; action: string }>(sql`
    SELECT d.scanned_by AS operatorId, CASE d.source WHEN 'import' THEN 'import:commit' ELSE 'scans:record' END AS action
      FROM devices d WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL ${state}
    UNION
    SELECT a.operator_id, a.action FROM devices d
      -- CROSS JOIN keeps devices outside: one audit_object lookup per live device of this batch, never
      -- a walk of every device row in the audit (SQLite otherwise picks that order).
      CROSS JOIN audit a ON a.object_type = 'device' AND a.object_id = CAST(d.id AS TEXT)
      WHERE d.batch_id = ${batchId} AND d.removed_at IS NULL ${state}
        AND a.result = 'ok' AND a.operator_id IS NOT NULL AND a.action NOT IN (${sql.join(NOT_A_CHANGE.map((a) => sql`${a}`), sql`, `)})
    UNION
    SELECT a.operator_id, a.action FROM audit a
      WHERE a.object_type = 'batch' AND a.object_id = ${String(batchId)} AND a.result = 'ok' AND a.operator_id IS NOT NULL AND a.action LIKE 'import:%'
    UNION
    SELECT CAST(j.value AS INTEGER), ${MOVED_IN} FROM audit a, json_each(a.detail, '$.changedBy') j
      WHERE a.object_type = 'batch' AND a.object_id = ${String(batchId)} AND a.action = ${MOVED_IN}
  `);
  const names = new Map(db.all<{ id: number; name: string }>(sql`SELECT id, name FROM operators`).map((o) => [o.id, o.name]));
  const byOperator = new Map<number, Set<ChangeKind>>();
  for (const r of rows) {
    const kinds = byOperator.get(r.operatorId) ?? new Set<ChangeKind>();
    kinds.add(kindOf(r.action));
    byOperator.set(r.operatorId, kinds);
  }
  return [...byOperator]
    .map(([operatorId, kinds]) => ({ operatorId, name: names.get(operatorId) ?? `operator ${operatorId}`, what: ORDER.filter((k) => kinds.has(k)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
