// Who changed what a batch will send, read from recorded facts only: each live device's scanner or
// importer, every successful audited action on those devices (fixes, restores, serials, hashes, and
// any action added later, unless listed below as not changing what is sent), imports into the batch,
// and the changers carried over when failed devices were moved in from another batch.
import { batchChangeRows } from '../../../db/repos/batch-changes';
import { listOperators } from '../../../db/repos/operators';
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
  const rows = batchChangeRows(db, batchId, { failedOnly, notAChange: NOT_A_CHANGE, movedIn: MOVED_IN });
  const names = new Map(listOperators(db).map((o) => [o.id, o.name]));
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
