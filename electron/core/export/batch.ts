// A batch as CSV text in either format: shared by the export:batch channel and the CLI.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ExportFormat } from '../../../shared/contract/export';
import { findBatch } from '../../../db/repos/batches';
import { iterateBatchDevices, iterateExportDevices } from '../../../db/repos/review';
import type { CoreDeps } from '../context';
import { CsvTooLargeError, MAX_CSV_CHARS } from './csv';
import { partnerCenterCsv } from './partner-center';
import { reportCsv } from './report';

export function exportFileName(batchName: string, format: ExportFormat): string {
  return `${batchName.replace(/[^A-Za-z0-9._-]+/g, '_')}-${format}.csv`;
}

/**
 * Reads the batch row by row from the database (see iterateBatchDevices), so only the CSV text grows
 * with it. Text longer than one string can hold is refused with what to do, not thrown.
 */
export function exportBatch({ db }: Pick<CoreDeps, 'db'>, batchId: number, format: ExportFormat, maxChars = MAX_CSV_CHARS): Result<{ fileName: string; csv: string; rows: number }> {
  const batch = findBatch(db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  const fileName = exportFileName(batch.name, format);
  try {
    if (format === 'report') return ok({ fileName, ...reportCsv(batch.name, iterateBatchDevices(db, batchId), { maxChars }) });
    const built = partnerCenterCsv(iterateExportDevices(db, batchId), { maxChars });
    if (!built.ok) {
      const shown = built.problems.slice(0, 20).map((p) => p.message);
      const more = built.problems.length > shown.length ? ` (and ${built.problems.length - shown.length} more)` : '';
      return failSaying('INVALID_STATE', 'export.notWritable', { batch: batch.name, count: built.problems.length, detail: `${shown.join(' ')}${more}` }, `Batch ${batch.name} cannot be written as a Partner Center file as it is: ${shown.join(' ')}${more}`, { problems: built.problems.slice(0, 1000) });
    }
    return ok({ fileName, csv: built.csv, rows: built.rows });
  } catch (err) {
    if (!(err instanceof CsvTooLargeError)) throw err;
    return failSaying(
      'INVALID_STATE',
      'export.tooLarge',
      { batch: batch.name, max: err.maxChars },
      `Batch ${batch.name} is too large for one CSV file (more than ${err.maxChars.toLocaleString('en-GB')} characters; hardware hashes are kilobytes each). Upload it from the station, which sends it in chunks, or split the devices over smaller batches and export each.`,
    );
  }
}
