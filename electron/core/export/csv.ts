// CSV text out of the station. Spreadsheets run a cell starting with = + - @ TAB or CR as a formula
// (CWE-1236, OWASP "CSV injection"); such cells get a leading ' (the fix OWASP recommends and Symfony
// moved to for CVE-2021-41270). csv-stringify's escape_formulas does exactly this (plus the full-width
// = + - @ forms Apple Numbers folds to ASCII), for string cells, which every cell here is; we rely on
// it rather than a second implementation, and startsLikeFormula() mirrors it for refusals and tests.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

export function startsLikeFormula(value: string): boolean {
  return value.length > 0 && FORMULA_START.has(value[0] as string);
}

export interface CsvOptions {
  /** A UTF-8 BOM, so Excel reads accents right; off for files a program reads (Partner Center). */
  bom?: boolean;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return stringify([header as string[], ...(rows as string[][])], { escape_formulas: true, record_delimiter: 'windows', bom: options.bom ?? false });
}
