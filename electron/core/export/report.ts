// The full batch report: every line, removed ones included, with who/when/state/errors and the identity
// each line is (or would be) sent with. Headings for PKID, serial, manufacturer and model are the
// Partner Center ones, so the report imports back.
import type { ReviewDevice } from '../../../shared/contract/review';
import { IDENTITY_LABELS } from '../../../shared/domain/identity';
import { toCsv, type CsvOptions } from './csv';

export const REPORT_HEADER = [
  'Batch',
  'Windows Product ID',
  'Device Serial Number',
  'Manufacturer name',
  'Device model',
  'Has hardware hash',
  'Identity',
  'Source',
  'Scanned by',
  'Scanned at',
  'State',
  'Removed by',
  'Removed at',
  'Removed reason',
  'Error code',
  'Error text',
  'Remote device id',
] as const;

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

/** The kind, short enough to filter on in a spreadsheet; for a line without one, what it lacks. */
export function identityCell(identity: ReviewDevice['identity']): string {
  return identity.kind === null ? `None: ${identity.label}` : IDENTITY_LABELS[identity.kind];
}

/** One pass over the devices (an iterator over the database is enough): no line is held once written. */
export function reportCsv(batchName: string, devices: Iterable<ReviewDevice>, options: Pick<CsvOptions, 'maxChars'> = {}): { csv: string; rows: number } {
  let rows = 0;
  function* lines(): Generator<string[]> {
    for (const d of devices) {
      rows += 1;
      yield reportCells(batchName, d);
    }
  }
  const csv = toCsv(REPORT_HEADER, lines(), { ...options, bom: true });
  return { csv, rows };
}

function reportCells(batchName: string, d: ReviewDevice): string[] {
  return [
    batchName,
    d.pkid ?? '',
    d.serial ?? '',
    d.manufacturer ?? '',
    d.model ?? '',
    d.hasHardwareHash ? 'yes' : 'no',
    identityCell(d.identity),
    d.source,
    d.scannedBy,
    iso(d.scannedAt),
    d.removed ? 'removed' : d.state,
    d.removedBy ?? '',
    iso(d.removedAt),
    d.removedReason ?? '',
    d.errorCode ?? '',
    d.errorText ?? '',
    d.remoteDeviceId ?? '',
  ];
}
