import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, hasValidGtinCheckDigit, isValidEan13, isValidUpcA } from '../../../../../shared/domain/barcode/index';

// Published examples: GS1's EAN-13 4006381333931, UPC-A 036000291452, EAN-8 96385074, ITF-14 15400141288763.
describe('GS1 check digits', () => {
  it.each([
    ['400638133393', 1],
    ['03600029145', 2],
    ['9638507', 4],
    ['1540014128876', 3],
    ['000000000000', 0],
  ])('check digit of %s is %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it('throws on non-digits rather than guessing', () => {
    expect(() => gtinCheckDigit('12A4')).toThrow(/digits expected/);
  });

  it('validates whole codes of GTIN lengths only', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidUpcA('036000291452')).toBe(true);
    expect(isValidUpcA('036000291453')).toBe(false);
    expect(isValidEan13('036000291452')).toBe(false);
    expect(hasValidGtinCheckDigit('96385074')).toBe(true);
    expect(hasValidGtinCheckDigit('15400141288763')).toBe(true);
    expect(hasValidGtinCheckDigit('1234567890128')).toBe(true);
    expect(hasValidGtinCheckDigit('12345670')).toBe(true);
    expect(hasValidGtinCheckDigit('1234565')).toBe(false); // 7 digits: no GTIN has that length
    expect(hasValidGtinCheckDigit('40063813339a1')).toBe(false);
  });

  it('catches every single-digit error in an EAN-13', () => {
    const good = '4006381333931';
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        expect(isValidEan13(good.slice(0, i) + d + good.slice(i + 1))).toBe(false);
      }
    }
  });
});
