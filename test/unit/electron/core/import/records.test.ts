// The plain-text fast path must read exactly what csv-parse reads: same records, same line numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachRecord, isPlain } from '../../../../../electron/core/import/read-file';
import type { Delimiter } from '../../../../../electron/core/import/sniff';

function collect(text: string, delimiter: Delimiter, path: 'auto' | 'csv-parse') {
  const out: [string[], number][] = [];
  eachRecord(text, delimiter, (record, line) => out.push([record, line]), path);
  return out;
}

const cell = fc.string({ unit: fc.constantFrom('1', '3', 'A', 'z', ' ', 'é', '=', '-', ',', ';', '\t', "'"), maxLength: 8 });

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
          expect(isPlain(text)).toBe(true);
          expect(collect(text, delimiter, 'auto')).toEqual(collect(text, delimiter, 'csv-parse'));
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('sends quoted text, mixed line endings and overlong lines to csv-parse', () => {
    expect(isPlain('a,"b"\n')).toBe(false);
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
