import { describe, expect, it } from 'vitest';
import { classifyRead, DEFAULT_SERIAL_PATTERNS, matchSerial, parseSerialPatterns } from '../../../../../shared/domain/barcode/index';
import patternFile from '../../../../../shared/domain/barcode/serial-patterns.json' with { type: 'json' };

const validFile = {
  note: 'heuristics',
  version: 1,
  patterns: [{ id: 'acme', manufacturer: 'ACME Corp', description: 'ACME serials', regex: '^AC(?<serial>[0-9]{6})$', example: 'AC123456' }],
};

describe('serial-patterns.json', () => {
  it('says in its note that the patterns are heuristics', () => {
    expect(patternFile.note).toMatch(/heuristic/i);
  });

  it('loads and keeps the firmware spellings of the manufacturers', () => {
    expect(DEFAULT_SERIAL_PATTERNS.map((p) => [p.id, p.manufacturer])).toEqual([
      ['lenovo-1s', 'LENOVO'],
      ['dell-service-tag', 'Dell Inc.'],
      ['hp-serial', 'HP'],
      ['generic', undefined],
    ]);
  });

  it('matches each example to its own pattern (first match wins, so order matters)', () => {
    for (const p of patternFile.patterns) expect(matchSerial(p.example)?.pattern).toBe(p.id);
  });

  it('strips the Lenovo 1S data identifier and machine type-model', () => {
    expect(matchSerial('1S20XW0012USPF1ABCDE')).toEqual({ pattern: 'lenovo-1s', serial: 'PF1ABCDE', manufacturer: 'LENOVO', model: '20XW0012US' });
  });
});

describe('parseSerialPatterns', () => {
  it('drives the classifier with a custom set', () => {
    const patterns = parseSerialPatterns(validFile);
    expect(classifyRead({ raw: 'AC123456' }, { serialPatterns: patterns })).toMatchObject({ kind: 'serial', value: '123456', manufacturer: 'ACME Corp', pattern: 'acme' });
    expect(classifyRead({ raw: '7XK4M12' }, { serialPatterns: patterns }).kind).toBe('unknown');
  });

  it.each([
    ['an unanchored regex', { regex: 'AC(?<serial>[0-9]{6})' }, /anchored/],
    ['a regex that does not compile', { regex: '^AC(?<serial>[0-9]{6}$' }, /valid regular expression/],
    ['no serial group', { regex: '^AC[0-9]{6}$' }, /named group/],
    ['an example its regex rejects', { example: 'AC12' }, /does not match/],
    ['an id with spaces', { id: 'Acme Corp' }, /lower-case/],
  ])('refuses %s', (_name, change, message) => {
    const file = { ...validFile, patterns: [{ ...validFile.patterns[0], ...change }] };
    expect(() => parseSerialPatterns(file)).toThrow(message);
  });

  it('refuses duplicate ids, a missing note and an empty list', () => {
    const first = validFile.patterns[0];
    expect(() => parseSerialPatterns({ ...validFile, patterns: [first, first] })).toThrow(/duplicate id acme/);
    expect(() => parseSerialPatterns({ ...validFile, note: undefined })).toThrow();
    expect(() => parseSerialPatterns({ ...validFile, patterns: [] })).toThrow();
  });
});
