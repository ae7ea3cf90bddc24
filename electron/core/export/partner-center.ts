// The CSV Partner Center's "Add devices" page takes: this header, in this order, exactly (a header
// that differs in case has caused 400s: CIPP #1042). Per line Partner Center wants the hardware hash,
// or the Windows Product ID, or serial + manufacturer + model; values may hold no commas. A value
// that cannot go into this file as it is (comma, quote, line break, or a formula-like start that a
// ' would alter) is refused with its line rather than changed, because the file is device identity.
import type { ExportProblem } from '../../../shared/contract/export';
import { startsLikeFormula, toCsv } from './csv';

export const PARTNER_CENTER_HEADER = ['Device Serial Number', 'Windows Product ID', 'Hardware Hash', 'Manufacturer name', 'Device model'] as const;

export interface ExportDevice {
  id: number;
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
  hardwareHash: string | null;
}

const FIELD_LABELS = ['serial', 'PKID', 'hardware hash', 'manufacturer', 'model'] as const;

function cells(d: ExportDevice): string[] | string {
  if (d.hardwareHash) return [d.serial ?? '', d.pkid ?? '', d.hardwareHash, '', ''];
  // PKID only: Partner Center does not take PKID + serial without a hash.
  if (d.pkid) return ['', d.pkid, '', '', ''];
  if (d.serial && d.manufacturer && d.model) return [d.serial, '', '', d.manufacturer, d.model];
  return 'has no PKID or hash, and its serial needs both a manufacturer and a model';
}

export type PartnerCenterCsv = { ok: true; csv: string; rows: number } | { ok: false; problems: ExportProblem[] };

export function partnerCenterCsv(devices: readonly ExportDevice[]): PartnerCenterCsv {
  const rows: string[][] = [];
  const problems: ExportProblem[] = [];
  for (const [index, device] of devices.entries()) {
    const line = index + 2;
    const row = cells(device);
    if (typeof row === 'string') {
      problems.push({ line, deviceId: device.id, field: 'identity', message: `Line ${line} (device ${device.id}) ${row}.` });
      continue;
    }
    for (const [i, value] of row.entries()) {
      const label = FIELD_LABELS[i] ?? 'value';
      if (/[,"\r\n]/.test(value)) problems.push({ line, deviceId: device.id, field: label, message: `Line ${line}: the ${label} "${value}" holds a comma, quote or line break, which Partner Center's CSV cannot carry. Fix the line in review.` });
      else if (startsLikeFormula(value)) problems.push({ line, deviceId: device.id, field: label, message: `Line ${line}: the ${label} "${value}" starts like a spreadsheet formula; Partner Center would receive it altered. Fix the line in review.` });
    }
    rows.push(row);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, csv: toCsv(PARTNER_CENTER_HEADER, rows), rows: rows.length };
}
