// Lines of a batch may change only before approval: the review corrections and imports ask here.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { Queryable } from '../../../db/types';
import { findBatch, type BatchRow } from '../../../db/repos/batches';

const EDITABLE = new Set<BatchRow['state']>(['open', 'closed']);

/** The batch, if its lines may still change (open or closed: not once approved). */
export function editableBatch(db: Queryable, batchId: number): Result<BatchRow> {
  const batch = findBatch(db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  if (!EDITABLE.has(batch.state)) {
    return failSaying('INVALID_STATE', 'review.locked', { batch: batch.name, state: batch.state }, `Batch ${batch.name} is ${batch.state.replace('_', ' ')}: its lines can no longer be changed.`);
  }
  return ok(batch);
}
