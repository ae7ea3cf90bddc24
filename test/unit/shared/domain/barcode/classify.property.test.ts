import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRead, hasValidGtinCheckDigit, SYMBOLOGIES, type ClassifiedRead } from '../../../../../shared/domain/barcode/index';

const STORABLE: ReadonlySet<ClassifiedRead['kind']> = new Set(['pkid', 'pkid-unconfirmed', 'gtin', 'serial']);
// Characters a read may carry only as wrapping (suffix keys, GS separators); anything else invisible is refused.
const FORBIDDEN = /[\p{Cc}\p{Cf}]/u;
const WRAPPING = new Set(['\t', '\r', '\n', '\u001d']);
const hasForbiddenControl = (s: string): boolean => [...s].some((ch) => FORBIDDEN.test(ch) && !WRAPPING.has(ch));

// Reads shaped like what scanners send, so the interesting branches are hit far more often than by
// uniformly random strings: AIM prefixes, GS spellings, suffixes, digits of near-PKID lengths, serials.
const aim = fc.constantFrom('', ']C1', ']C0', ']E0', ']E4', ']A0', ']d2', ']Q1', ']X9', ']');
const gs = fc.constantFrom('', '\u001d', '<GS>', '{GS}', '<gs>');
const suffix = fc.constantFrom('', '\r', '\n', '\r\n', '\t', ' ', '  \t');
const digits = fc.integer({ min: 0, max: 30 }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
const alnum = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcxyz-'), minLength: 1, maxLength: 22 });
const noise = fc.string({ unit: 'binary', maxLength: 40 });
const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const body = fc.oneof(digits, alnum, fc.constant('1S20XW0012US').chain((p) => alnum.map((s) => p + s)), noise, digits.chain((d) => alnum.map((a) => d + a)));
const withControl = fc.tuple(body, control, fc.nat()).map(([b, c, at]) => {
  const i = b.length === 0 ? 0 : at % (b.length + 1);
  return b.slice(0, i) + c + b.slice(i);
});
const scannerLike = fc.tuple(aim, gs, fc.oneof(body, withControl), gs, suffix).map((parts) => parts.join(''));
const raw = fc.oneof(scannerLike, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-composite', maxLength: 60 }));
const symbology = fc.option(fc.constantFrom(...SYMBOLOGIES), { nil: undefined });

const RUNS = 10_000;

describe('classifyRead (property)', () => {
  it('never throws, keeps raw, and stores only clean values', () => {
    fc.assert(
      fc.property(raw, symbology, (r, s) => {
        const result = classifyRead({ raw: r, symbology: s });
        expect(result.raw).toBe(r);
        if (result.kind === 'pkid' || result.kind === 'pkid-unconfirmed') expect(result.value).toMatch(/^[0-9]{13}$/);
        if (STORABLE.has(result.kind)) {
          if (!('value' in result)) throw new Error('storable result without value');
          expect(result.value).toMatch(/^[0-9A-Z-]+$/);
          // RS and EOT belong to an ISO/IEC 15434 envelope ("[)>" RS … RS EOT), and only there.
          expect(hasForbiddenControl(r.includes('[)>\u001e') ? r.split('\u001e').join('').split('\u0004').join('') : r)).toBe(false);
        } else {
          if (!('reason' in result)) throw new Error('refused result without reason');
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.reason).not.toMatch(FORBIDDEN);
        }
        if (result.kind === 'gtin') expect(hasValidGtinCheckDigit(result.value)).toBe(true);
        if (result.kind === 'pkid-unconfirmed') expect(s).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }, 30_000);

  it('refuses every read holding a control character that is not wrapping', () => {
    fc.assert(
      fc.property(fc.tuple(aim, withControl, suffix).map((p) => p.join('')), symbology, (r, s) => {
        fc.pre(hasForbiddenControl(r));
        expect(STORABLE.has(classifyRead({ raw: r, symbology: s }).kind)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('never takes a retail-symbology read for a PKID', () => {
    fc.assert(
      fc.property(scannerLike, fc.constantFrom('ean13' as const, 'upca' as const, 'ean8' as const, 'upce' as const), (r, s) => {
        const kind = classifyRead({ raw: r, symbology: s }).kind;
        expect(kind).not.toBe('pkid');
        expect(kind).not.toBe('pkid-unconfirmed');
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the PKID inside any wrapping of 13 digits in a non-retail symbology', () => {
    const pkid = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(fc.constantFrom('', ']C1', ']C0', ']A0', ']d2', ']Q1'), gs, pkid, gs, suffix, (a, g1, p, g2, sfx) => {
        expect(classifyRead({ raw: `${a}${g1}${p}${g2}${sfx}`, symbology: 'code128' })).toMatchObject({ kind: 'pkid', value: p });
      }),
      { numRuns: RUNS },
    );
  });
});
