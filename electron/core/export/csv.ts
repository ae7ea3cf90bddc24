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
  /** Refuse (CsvTooLargeError) rather than build text longer than this. */
  maxChars?: number;
}

/** The most characters one string holds in V8 (64-bit): 100,000 devices with 5,000-character hashes come close. */
export const MAX_CSV_CHARS = 536_870_888;

export class CsvTooLargeError extends Error {
  constructor(readonly maxChars: number) {
    super(`The CSV text would pass ${maxChars.toLocaleString('en-GB')} characters.`);
  }
}

// Rows are stringified a slice at a time, so a 100,000-line export never holds every row's cells at once;
// csv-stringify ends every record with the delimiter, so the slices join into the same text.
const ROWS_PER_SLICE = 1000;

export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>, options: CsvOptions = {}): string {
  const parts: string[] = [];
  const maxChars = options.maxChars ?? MAX_CSV_CHARS;
  let chars = 0;
  let slice: string[][] = [[...header]];
  const flush = () => {
    const text = stringify(slice, { escape_formulas: true, record_delimiter: 'windows', bom: parts.length === 0 && (options.bom ?? false) });
    chars += text.length;
    if (chars > maxChars) throw new CsvTooLargeError(maxChars);
    parts.push(text);
    slice = [];
  };
  for (const row of rows) {
    slice.push([...row]);
    if (slice.length === ROWS_PER_SLICE) flush();
  }
  if (slice.length > 0) flush();
  return parts.join('');
}
