// The fast path (plain and simply quoted text) must read exactly what csv-parse reads: same records,
// same line numbers, and the same refusal when csv-parse refuses the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachRecord, isPlain } from '../../../../../electron/core/import/read-file';
import type { Delimiter } from '../../../../../electron/core/import/sniff';

function collect(text: string, delimiter: Delimiter, path: 'auto' | 'csv-parse') {
  const out: [string[], number][] = [];
  eachRecord(text, delimiter, (record, line) => out.push([record, line]), path);
  return out;
}

function outcome(text: string, delimiter: Delimiter, path: 'auto' | 'csv-parse') {
  try {
    return collect(text, delimiter, path);
  } catch (err) {
    return { refused: (err as { code?: string }).code ?? String(err) };
  }
}

const cell = fc.string({ unit: fc.constantFrom('1', '3', 'A', 'z', ' ', 'é', '=', '-', ',', ';', '\t', "'"), maxLength: 8 });
/** A field as spreadsheets write it, or as a careless hand breaks it: quoted or not, quotes and line breaks inside. */
const anyField = fc.oneof(
  cell,
  cell.map((c) => `"${c}"`),
  fc.string({ unit: fc.constantFrom('1', 'A', ' ', ',', ';', '\t', '"', '\n', '\r\n', "'"), maxLength: 6 }).map((c) => `"${c}"`),
  fc.string({ unit: fc.constantFrom('1', 'A', ' ', '"', ','), maxLength: 5 }),
);

describe('eachRecord', () => {
  it('the plain path and csv-parse agree on every quote-free text (10,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (delimiter, eol, rows, trailingEol, bom) => {
          const text = (bom ? '\uFEFF' : '') + rows.map((r) => r.join(delimiter)).join(eol) + (trailingEol ? eol : '');
          expect(isPlain(text, delimiter)).toBe(true);
          expect(collect(text, delimiter, 'auto')).toEqual(collect(text, delimiter, 'csv-parse'));
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('the fast path and csv-parse agree on quoted text too, broken quotes and fields across lines included (10,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.array(anyField, { maxLength: 5 }), { maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        (delimiter, eol, rows, trailingEol, bom) => {
          const text = (bom ? '\uFEFF' : '') + rows.map((r) => r.join(delimiter)).join(eol) + (trailingEol ? eol : '');
          expect(outcome(text, delimiter, 'auto')).toEqual(outcome(text, delimiter, 'csv-parse'));
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('takes whole quoted fields on one line the fast way, and anything else in quotes to csv-parse', () => {
    expect(isPlain('"a","b,c"\r\n"1",""\r\n', ',')).toBe(true);
    expect(isPlain('\uFEFF"PKID";"Serial"\n"3000000000001";"SN1"\n', ';')).toBe(true);
    expect(collect('"a","b,c",\r\n"1","",x\r\n', ',', 'auto')).toEqual([
      [['a', 'b,c', ''], 1],
      [['1', '', 'x'], 2],
    ]);
    // A doubled quote, a quote inside a bare field, text after a closing quote, a field across lines, no closing quote.
    expect(isPlain('"say ""hi""",b\n', ',')).toBe(false);
    expect(isPlain('a"b,c\n', ',')).toBe(false);
    expect(isPlain('"a" ,b\n', ',')).toBe(false);
    expect(isPlain('"a\nb",c\n', ',')).toBe(false);
    expect(isPlain('"a,b\n', ',')).toBe(false);
    // A quoted tab is text in a comma file.
    expect(collect('"a\tb",c\n', ',', 'auto')).toEqual([[['a\tb', 'c'], 1]]);
  });

  it('sends text it cannot split line by line, mixed line endings and overlong lines to csv-parse', () => {
    expect(isPlain('a,"b""c"\n')).toBe(false);
    expect(isPlain('a\r\nb\nc')).toBe(false);
    expect(isPlain('a\rb')).toBe(false);
    expect(isPlain(`${'x'.repeat(70_000)}\n1`)).toBe(false);
    expect(isPlain('a,b\r\nc,d\r\n')).toBe(true);
    expect(collect('"a\nb",c\nd,e\n', ',', 'auto')).toEqual([
      [['a\nb', 'c'], 1],
      [['d', 'e'], 3],
    ]);
  });
});
