// A batch as CSV text in either format: shared by the export:batch channel and the CLI.
import { fail, ok, type Result } from '../../../shared/contract';
import type { ExportFormat } from '../../../shared/contract/export';
import type { Queryable } from '../../../db/types';
import { findBatch } from '../../../db/repos/batches';
import { exportDevices, listReviewDevices } from '../../../db/repos/review';
import { partnerCenterCsv } from './partner-center';
import { reportCsv } from './report';

export function exportFileName(batchName: string, format: ExportFormat): string {
  return `${batchName.replace(/[^A-Za-z0-9._-]+/g, '_')}-${format}.csv`;
}

export function exportBatch(db: Queryable, batchId: number, format: ExportFormat): Result<{ fileName: string; csv: string; rows: number }> {
  const batch = findBatch(db, batchId);
  if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
  const fileName = exportFileName(batch.name, format);
  if (format === 'report') {
    const { rows } = listReviewDevices(db, { batchId, state: 'all' }, 0, Number.MAX_SAFE_INTEGER - 1);
    return ok({ fileName, ...reportCsv(batch.name, rows) });
  }
  const built = partnerCenterCsv(exportDevices(db, batchId));
  if (!built.ok) {
    const shown = built.problems.slice(0, 20).map((p) => p.message);
    const more = built.problems.length > shown.length ? ` (and ${built.problems.length - shown.length} more)` : '';
    return fail('INVALID_STATE', `Batch ${batch.name} cannot be written as a Partner Center file as it is: ${shown.join(' ')}${more}`, { problems: built.problems.slice(0, 1000) });
  }
  return ok({ fileName, csv: built.csv, rows: built.rows });
}
