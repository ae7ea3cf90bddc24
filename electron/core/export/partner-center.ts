// The CSV Partner Center's "Add devices" page takes: this header, in this order, exactly (a header
// that differs in case has caused 400s: CIPP #1042). Per line Partner Center wants the hardware hash,
// or the Windows Product ID, or serial + manufacturer + model; values may hold no commas. Each line
// carries exactly what upload would send for the device (identityOf, the one rule), so the file and
// the API never disagree. A value that cannot go into this file as it is (comma, quote, line break, or
// a formula-like start that a ' would alter) is refused with its line rather than changed, because
// the file is device identity; so is a device with no identity, never silently dropped.
import type { ExportProblem } from '../../../shared/contract/export';
import { compactHash, identityOf, type DeviceIdentity } from '../../../shared/domain/identity';
import type { ExportDeviceRow } from '../../../db/repos/review';
import { startsLikeFormula, toCsv, type CsvOptions } from './csv';

export const PARTNER_CENTER_HEADER = ['Device Serial Number', 'Windows Product ID', 'Hardware Hash', 'Manufacturer name', 'Device model'] as const;

/** One live line with what the file needs, as the database hands it over. */
export type ExportDevice = ExportDeviceRow;

const FIELD_LABELS = ['serial', 'PKID', 'hardware hash', 'manufacturer', 'model'] as const;

/** One line of the file, in PARTNER_CENTER_HEADER's order. */
export function partnerCenterCells(identity: DeviceIdentity): string[] {
  switch (identity.kind) {
    case 'hash':
      return [identity.serial ?? '', identity.pkid ?? '', compactHash(identity.hardwareHash), '', ''];
    case 'pkid':
      // The PKID alone, as upload sends it: Partner Center's identifier sets pair a serial only with a hash or with manufacturer + model.
      return ['', identity.pkid, '', '', ''];
    case 'tuple':
      // Exactly as stored: Autopilot matches the tuple case-sensitively against the firmware.
      return [identity.serial, '', '', identity.manufacturer, identity.model];
  }
}

export type PartnerCenterCsv = { ok: true; csv: string; rows: number } | { ok: false; problems: ExportProblem[] };

/**
 * Reads the devices once, in order (an iterator over the database is enough): lines go into the file
 * as they come; after the first problem none are kept, but every problem is still named.
 */
export function partnerCenterCsv(devices: Iterable<ExportDevice>, options: Pick<CsvOptions, 'maxChars'> = {}): PartnerCenterCsv {
  const problems: ExportProblem[] = [];
  let rows = 0;
  function* lines(): Generator<string[]> {
    let line = 1;
    for (const device of devices) {
      line += 1;
      const row = checkedCells(device, line, problems);
      if (row && problems.length === 0) {
        rows += 1;
        yield row;
      }
    }
  }
  const csv = toCsv(PARTNER_CENTER_HEADER, lines(), options);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, csv, rows };
}

/** The line's cells, or null when it has no identity; what cannot go into the file is added to problems. */
function checkedCells(device: ExportDevice, line: number, problems: ExportProblem[]): string[] | null {
  const identity = identityOf(device);
  if (!identity.ok) {
    // Without an identity there is no PKID; the serial, when there is one, is what staff can find the box by.
    const named = device.serial ? `serial ${device.serial}, ` : '';
    problems.push({ line, deviceId: device.id, field: 'identity', message: `Line ${line} (${named}device ${device.id}) cannot be sent: ${identity.problem} Fix the line in review or remove it.` });
    return null;
  }
  const row = partnerCenterCells(identity.identity);
  for (const [i, value] of row.entries()) {
    const label = FIELD_LABELS[i] ?? 'value';
    if (/[,"\r\n]/.test(value)) problems.push({ line, deviceId: device.id, field: label, message: `Line ${line}: the ${label} "${value}" holds a comma, quote or line break, which Partner Center's CSV cannot carry. Fix the line in review.` });
    else if (startsLikeFormula(value)) problems.push({ line, deviceId: device.id, field: label, message: `Line ${line}: the ${label} "${value}" starts like a spreadsheet formula; Partner Center would receive it altered. Fix the line in review.` });
  }
  return row;
}
