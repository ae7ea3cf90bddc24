// An imported file's bytes -> rows with their line numbers, or one message saying why the file as a
// whole cannot be read. Rows are handed to a visitor as they are parsed, so a million-line file is
// never held as a million records.
import { createHash } from 'node:crypto';
import { parse, CsvError } from 'csv-parse/sync';
import type { FileReading } from '../../../shared/contract/import';
import { decodeImportFile } from './decode';
import { detectColumns, type ColumnMap, type Field, type Need } from './headers';
import { sniffDelimiter, type Delimiter } from './sniff';

export interface ImportRow {
  /** 1-based line of the file where the record starts. */
  readonly line: number;
  readonly pkid: string;
  readonly serial: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly hash: string;
  readonly state: string;
  /** Set when the record has fewer fields than the heading, or more non-empty ones. */
  readonly ragged: string | null;
}

export type FileResult = { ok: true; reading: FileReading } | { ok: false; message: string; reading: Partial<FileReading> };

const FORMULA_START = /^'[=+\-@\t\r]/;

/** Trims a cell; undoes the leading ' an export puts before a formula-like value (see export/csv.ts). */
export function cleanCell(cell: string | undefined): string {
  if (cell === undefined) return '';
  const trimmed = cell.trim();
  return FORMULA_START.test(trimmed) ? trimmed.slice(1) : trimmed;
}

function newlines(record: readonly string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

class StopReading extends Error {}

/** lastEnd: the line the last complete record ended on; the broken one starts after it. */
function csvProblem(err: CsvError, lastEnd: number): string {
  const context = err as CsvError & { lines?: number };
  const line = typeof context.lines === 'number' ? `Line ${context.lines}: ` : '';
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Line ${lastEnd + 1}: a double quote (") opens a value that is never closed, so the rest of the file would run into it. Remove the stray quote or close it.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${line}a double quote (") closes a value but more text follows it. Check the quotes on that line.`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${line}one line is longer than 64 KB: this is not a list of devices.`;
    default:
      return `${line}the file cannot be read as CSV (${err.message}).`;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const MAX_RECORD = 64 * 1024;

function csvParseRecords(text: string, delimiter: Delimiter, visit: (record: string[], line: number, end: number) => void): void {
  // csv-parse handles what hand-rolled splitting gets wrong: quoted fields holding delimiters,
  // quotes and line breaks. bom: strips a UTF-8 BOM the decoder left (fast-csv #131 shows a BOM
  // corrupting the first heading otherwise); relax_column_count: ragged rows reach us so each is
  // refused with its own line number instead of failing the file; skip_empty_lines: blank lines
  // are not rows; on_record's info gives the line numbers (info.lines is where a record ends, so a
  // record with quoted line breaks starts that many lines earlier), and returning null keeps no
  // records in memory.
  parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD,
    on_record: (record: string[], info) => {
      visit(record, info.lines - newlines(record), info.lines);
      return null;
    },
  });
}

/**
 * With no double quote anywhere and one kind of line ending, CSV has no escaping left: records are
 * lines and fields are the text between delimiters, exactly what csv-parse yields with the options
 * above (a property test holds the two paths to the same records and line numbers). csv-parse's
 * character-by-character state machine costs ~4.5 us a record here, about 0.45 s of the 2 s a
 * 100,000-line import may take, so plain files (most exports) take this path; anything quoted, mixed
 * line endings or an overlong line goes through csv-parse.
 */
export function isPlain(text: string): boolean {
  if (text.includes('"')) return false;
  let cr = 0;
  let crlf = 0;
  let lf = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lf++;
    if (text.charCodeAt(i - 1) === 13) crlf++;
    if (i - lineStart > MAX_RECORD) return false;
    lineStart = i + 1;
  }
  if (text.length - lineStart > MAX_RECORD) return false;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr++;
  return cr === 0 || (cr === crlf && crlf === lf);
}

function plainRecords(text: string, delimiter: Delimiter, visit: (record: string[], line: number, end: number) => void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  let line = 0;
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    line++;
    const content = body.slice(start, crlf && body.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (content.length > 0) visit(content.split(delimiter), line, line);
    start = end + 1;
  }
}

/** Every record of the text with the line it starts on; csv-parse unless the text is plain (see isPlain). */
export function eachRecord(text: string, delimiter: Delimiter, visit: (record: string[], line: number, end: number) => void, path: 'auto' | 'csv-parse' = 'auto'): void {
  if (path === 'auto' && isPlain(text)) plainRecords(text, delimiter, visit);
  else csvParseRecords(text, delimiter, visit);
}

/**
 * Reads the file, calling onRow for every data record in file order. The heading (if any) decides
 * the columns; a one-column file without one is a list of PKIDs.
 */
export function readImportFile(bytes: Uint8Array, fileName: string, need: Need, onRow: (row: ImportRow) => void, maxBytes?: number): FileResult {
  const base = { fileName, sha256: sha256Hex(bytes), bytes: bytes.length };
  const decoded = decodeImportFile(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, message: decoded.message, reading: base };
  const delimiter = sniffDelimiter(decoded.text);
  const shown = delimiter === '\t' ? 'tab' : delimiter;
  let columns: FileReading['columns'] | undefined;
  let map: ColumnMap = {};
  let width = 0;
  let firstLine = 1;
  let rows = 0;
  let problem: string | null = null;
  let lastEnd = 0;
  const pick = (record: readonly string[], field: Field) => {
    const index = map[field];
    return index === undefined ? '' : cleanCell(record[index]);
  };
  try {
    eachRecord(decoded.text, delimiter, (record, line, end) => {
      lastEnd = end;
      // Excel writes rows of bare delimiters for formatted but empty cells: not data.
      if (record.every((cell) => cell.trim() === '')) return;
      if (columns === undefined) {
        const detected = detectColumns(record, need);
        if (detected.kind === 'error') {
          problem = line === 1 ? detected.message : detected.message.replace(/^Line 1/, `Line ${line}`);
          throw new StopReading();
        }
        map = detected.map;
        width = record.length;
        firstLine = line;
        const heading = (field: Field) => (detected.kind === 'header' && map[field] !== undefined ? (detected.headings[map[field]] ?? null) : null);
        columns = detected.kind === 'header' ? { pkid: heading('pkid'), serial: heading('serial'), manufacturer: heading('manufacturer'), model: heading('model'), hash: heading('hash') } : null;
        if (detected.kind === 'header') return;
      }
      rows++;
      let ragged: string | null = null;
      if (record.length < width) {
        ragged = `has ${record.length} field${record.length === 1 ? '' : 's'} where line ${firstLine} has ${width}: a value or a delimiter ("${shown}") is missing.`;
      } else if (record.length > width && record.slice(width).some((cell) => cell.trim() !== '')) {
        ragged = `has ${record.length} fields where line ${firstLine} has ${width}: is there a "${shown}" inside a value? Put that value in double quotes.`;
      }
      onRow({
        line,
        pkid: pick(record, 'pkid'),
        serial: pick(record, 'serial'),
        manufacturer: pick(record, 'manufacturer'),
        model: pick(record, 'model'),
        hash: pick(record, 'hash'),
        state: pick(record, 'state'),
        ragged,
      });
    });
  } catch (err) {
    if (err instanceof StopReading || (err instanceof CsvError && problem !== null)) {
      // A stop from inside the visitor (csv-parse may hand it back wrapped); the message was kept.
    } else if (err instanceof CsvError) {
      problem = csvProblem(err, lastEnd);
    } else {
      throw err;
    }
  }
  const reading = { ...base, encoding: decoded.encoding, delimiter };
  if (problem !== null) return { ok: false, message: problem, reading };
  if (columns === undefined) return { ok: false, message: 'The file has no lines with anything on them.', reading };
  if (rows === 0) return { ok: false, message: 'The file has a heading line but no devices under it.', reading: { ...reading, columns, rows } };
  return { ok: true, reading: { ...reading, columns, rows } };
}

/** The channel carries files as base64 (the contract checked its alphabet and size). */
export function fileBytes(contentBase64: string): Buffer {
  return Buffer.from(contentBase64, 'base64');
}
