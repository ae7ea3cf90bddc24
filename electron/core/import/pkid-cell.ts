// The PKID in an imported cell, or why there is none. Same rule as a scan: exactly 13 digits.
import { classifyRead, displayRaw } from '../../../shared/domain/barcode';

const PKID = /^\d{13}$/;
const SHORTENED = /^\d(?:[.,]\d+)?E\+?\d+$/i;

export function pkidProblem(cell: string): { pkid: string } | { problem: string } {
  if (PKID.test(cell)) return { pkid: cell };
  if (SHORTENED.test(cell)) return { problem: `"${cell}" is a PKID a spreadsheet turned into a rounded number: format the column as text and export it again` };
  if (/^'\d{13}$/.test(cell)) return { problem: `"${cell}" starts with an apostrophe (a spreadsheet's text marker): remove it` };
  // The column says this is a PKID, so a 13-digit value that also passes the EAN-13 check is one; the
  // classifier also finds one behind a "PKID:" caption, as on a scanned label.
  const read = classifyRead({ raw: cell, symbology: 'code128' });
  if (read.kind === 'pkid') return { pkid: read.value };
  if (/^\d+$/.test(cell)) return { problem: `${cell.length} digits (${cell}): a PKID has exactly 13 digits` };
  return { problem: `"${displayRaw(cell)}" is not a PKID (a PKID is exactly 13 digits)` };
}
