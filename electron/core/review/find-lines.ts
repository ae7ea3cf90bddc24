// Reading a batch for review (a page after an id, or rows from a position) and finding a box anywhere.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { FoundDevice, ReviewDevice, ReviewTotals } from '../../../shared/contract/review';
import { classifyRead } from '../../../shared/domain/barcode';
import { findBatch } from '../../../db/repos/batches';
import { findDevices, listReviewDevices, listReviewRowsAt, reviewTotals, type ReviewFilter } from '../../../db/repos/review';
import type { Queryable } from '../../../db/types';

/** The filter as the channels take it: an empty search is no search. */
function filterOf(f: ReviewFilter): ReviewFilter {
  return { batchId: f.batchId, state: f.state, operatorId: f.operatorId, source: f.source, search: f.search || undefined };
}

export function reviewPage(db: Queryable, f: ReviewFilter, after: number, limit: number): Result<{ rows: ReviewDevice[]; nextAfter: number | null; totals: ReviewTotals }> {
  const { batchId } = f;
  if (!findBatch(db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  const filter = filterOf(f);
  const page = listReviewDevices(db, filter, after, limit);
  return ok({ ...page, totals: reviewTotals(db, filter) });
}

export function reviewRowsAt(db: Queryable, f: ReviewFilter, offset: number, limit: number): Result<{ rows: ReviewDevice[]; offset: number }> {
  const { batchId } = f;
  if (!findBatch(db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  return ok({ rows: listReviewRowsAt(db, filterOf(f), offset, limit), offset });
}

/**
 * A scanned query may carry an AIM prefix, a caption or a scanner suffix: the classifier finds the
 * value in it, as it does for a scan; the text as typed is searched too.
 */
export function findBox(db: Queryable, query: string): { matches: FoundDevice[]; truncated: boolean } {
  const read = classifyRead({ raw: query });
  const pkids = [...(/^\d{13}$/.test(query) ? [query] : []), ...(read.kind === 'pkid' || read.kind === 'pkid-unconfirmed' ? [read.value] : [])];
  const serials = [query, query.toUpperCase(), ...(read.kind === 'serial' ? [read.value] : [])];
  return findDevices(db, pkids, serials);
}
