// GS1 mod-10 check digit, shared by EAN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14. Never apply it to a PKID:
// no PKID check digit is documented, and roughly one PKID in ten passes this one by chance.

const DIGITS = /^\d+$/;
const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

/** Check digit for a GTIN body (the code without its last digit). Throws on non-digits: callers hold digits. */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new Error(`gtinCheckDigit: digits expected, got ${JSON.stringify(body)}`);
  let sum = 0;
  // Weights run 3,1,3,1… from the rightmost body digit, whatever the length.
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(body.charAt(i)) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is 8, 12, 13 or 14 digits and its last digit is the GS1 check digit of the rest. */
export function hasValidGtinCheckDigit(code: string): boolean {
  if (!GTIN_LENGTHS.has(code.length) || !DIGITS.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.charAt(code.length - 1));
}

export function isValidEan13(code: string): boolean {
  return code.length === 13 && hasValidGtinCheckDigit(code);
}

export function isValidUpcA(code: string): boolean {
  return code.length === 12 && hasValidGtinCheckDigit(code);
}
