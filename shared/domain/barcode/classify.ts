import { displayRaw } from './display';
import { hasValidGtinCheckDigit, isValidEan13, isValidUpcA } from './gtin';
import { normaliseRead } from './normalise';
import { readFields } from './fields';
import { DEFAULT_SERIAL_PATTERNS, matchSerial, type SerialMatch, type SerialPattern } from './serial-patterns';
import { isRetailSymbology, isSymbology, type Symbology } from './symbology';

export interface ReadInput {
  readonly raw: string;
  /** From the camera decoder's format; a wedge read leaves it out (an AIM prefix, if any, supplies it). */
  readonly symbology?: Symbology | undefined;
}

export interface ClassifyOptions {
  readonly serialPatterns?: readonly SerialPattern[];
}

export type GtinFormat = 'ean13' | 'upca' | 'ean8' | 'gtin14';

interface ReadBase {
  /** Exactly what was read, for the audit trail; show it with displayRaw(). */
  readonly raw: string;
  /** As given, or from the AIM prefix. */
  readonly symbology: Symbology | undefined;
}

export type ClassifiedRead =
  /** `serial`: the same read also carried the box's serial (a multi-field 2D or GS1 code). */
  | (ReadBase & { readonly kind: 'pkid'; readonly value: string; readonly serial?: SerialMatch })
  | (ReadBase & { readonly kind: 'pkid-unconfirmed'; readonly value: string; readonly reason: string })
  | (ReadBase & { readonly kind: 'gtin'; readonly value: string; readonly format: GtinFormat })
  | (ReadBase & {
      readonly kind: 'serial';
      readonly value: string;
      readonly manufacturer?: string;
      readonly model?: string;
      /** Id of the serial-patterns.json entry that matched. */
      readonly pattern: string;
    })
  | (ReadBase & { readonly kind: 'unknown'; readonly reason: string })
  | (ReadBase & { readonly kind: 'invalid'; readonly reason: string });

export type ReadKind = ClassifiedRead['kind'];

const DIGITS = /^\d+$/;
const PKID = /^\d{13}$/;
const LEADING_PKID = /^(\d{13})(.+)$/;
const TRAILING_PKID = /^(.+?)(\d{13})$/;
// No caption inside a PKID payload has been seen, but a "PKID:"-style one is cheap to accept (design note).
const PKID_CAPTION = /^(?:PKID|PRODUCT\s*KEY\s*ID|WINDOWS\s*PRODUCT\s*ID)\s*[:#=]?\s*/i;
// A serial caption needs a separator, so a serial that merely starts with "SN" keeps its letters.
const SERIAL_CAPTION = /^(?:S\/N|SN|SERIAL(?:\s*(?:NO\.?|NUMBER))?)(?:\s*[:#=]\s*|\s+)/i;
// A US-layout scanner on an AZERTY or German PC types the digit row as these symbols (onscan issue #15).
const LAYOUT_DAMAGE = /^[&é"'(\-è_çà§!$%/)=]+$/;
// Two reads joined: 24+ digits cannot be one PKID, UPC or EAN (the longest GTIN has 14).
const GLUED_DIGITS = 24;

/** Classifies one read. Pure and total: never throws, whatever the input. */
export function classifyRead(input: ReadInput, options: ClassifyOptions = {}): ClassifiedRead {
  // Typed callers always pass a string; an untyped one (IPC payload, plain JS) must still get an answer.
  if (typeof input?.raw !== 'string') return { kind: 'invalid', raw: String(input?.raw), symbology: undefined, reason: 'nothing usable was read (not text)' };
  const raw = input.raw;
  const given = input.symbology;
  const patterns = options.serialPatterns ?? DEFAULT_SERIAL_PATTERNS;
  const read = normaliseRead(raw);
  const symbology = isSymbology(given) ? given : read.ok ? read.aim?.symbology : undefined;
  const base: ReadBase = { raw, symbology };
  if (!read.ok) return { ...base, kind: 'invalid', reason: read.reason };
  if (read.fields.length > 1) return classifyFields(base, read.fields, read.aim?.gs1 === true, patterns);

  const pkidCaption = PKID_CAPTION.exec(read.value);
  if (pkidCaption !== null) {
    const value = read.value.slice(pkidCaption[0].length);
    if (PKID.test(value)) return { ...base, kind: 'pkid', value };
    return { ...base, kind: 'unknown', reason: `labelled as a PKID but ${describe(value)}: a PKID has exactly 13 digits` };
  }
  const serialCaption = SERIAL_CAPTION.exec(read.value);
  const value = serialCaption === null ? read.value : read.value.slice(serialCaption[0].length);
  // GS1 data in one field (AIM ]C1, ]d2, ]Q3): AI 21 serial or AI 240 PKID.
  if (read.aim?.gs1 === true && /^(?:21|240)/.test(value) && !PKID.test(value)) return classifyFields(base, [value], true, patterns);

  if (DIGITS.test(value)) return classifyDigits(base, value, symbology);
  return classifyText(base, value, patterns);
}

function describe(value: string): string {
  return DIGITS.test(value) ? `${value.length} digits read (${displayRaw(value)})` : `"${displayRaw(value)}" was read`;
}

function classifyDigits(base: ReadBase, value: string, symbology: Symbology | undefined): ClassifiedRead {
  const retail = isRetailSymbology(symbology);
  const wrongCheckDigit: ClassifiedRead = {
    ...base,
    kind: 'invalid',
    reason: `retail barcode read (${value}) with a wrong check digit: a misread; scan it again`,
  };
  switch (value.length) {
    case 13:
      if (retail) {
        if (!isValidEan13(value)) return wrongCheckDigit;
        // UPC-A read through an EAN decoder arrives as 13 digits with a leading 0.
        if (symbology === 'upca' && value.startsWith('0')) return { ...base, kind: 'gtin', value: value.slice(1), format: 'upca' };
        return { ...base, kind: 'gtin', value, format: 'ean13' };
      }
      // A PKID has no documented check digit, so a 13-digit Code 128 is a PKID even when it happens to
      // pass the EAN check; only an unknown symbology leaves room for a retail EAN-13.
      if (symbology === undefined && isValidEan13(value)) {
        return {
          ...base,
          kind: 'pkid-unconfirmed',
          value,
          reason: `13 digits read (${value}) that are also a valid retail EAN-13 code: confirm this is the PKID barcode, not the product barcode`,
        };
      }
      return { ...base, kind: 'pkid', value };
    case 12:
      if (isValidUpcA(value) && (retail || symbology === undefined)) return { ...base, kind: 'gtin', value, format: 'upca' };
      if (retail) return wrongCheckDigit;
      break;
    case 8:
      if (symbology === 'ean8') return hasValidGtinCheckDigit(value) ? { ...base, kind: 'gtin', value, format: 'ean8' } : wrongCheckDigit;
      break;
    case 14:
      if ((symbology === 'itf' || symbology === undefined) && hasValidGtinCheckDigit(value)) {
        return { ...base, kind: 'gtin', value, format: 'gtin14' };
      }
      break;
  }
  if (value.length >= GLUED_DIGITS) {
    return {
      ...base,
      kind: 'invalid',
      reason: `${value.length} digits read (${displayRaw(value)}): looks like two barcodes read as one (a PKID has exactly 13 digits); scan one barcode at a time`,
    };
  }
  return { ...base, kind: 'unknown', reason: `${value.length} digits read (${displayRaw(value)}): a PKID has exactly 13 digits` };
}

function classifyText(base: ReadBase, value: string, patterns: readonly SerialPattern[]): ClassifiedRead {
  // A wedge with Caps Lock on inverts letter case, and OEM serials are upper case.
  const upper = value.toUpperCase();
  const glued = gluedPkid(upper, patterns);
  if (glued !== undefined) {
    return {
      ...base,
      kind: 'invalid',
      reason: `"${displayRaw(value)}" looks like a PKID (${glued}) and another code read as one; scan one barcode at a time`,
    };
  }
  const match = matchSerial(upper, patterns);
  if (match !== undefined) {
    return {
      ...base,
      kind: 'serial',
      value: match.serial,
      pattern: match.pattern,
      ...(match.manufacturer === undefined ? {} : { manufacturer: match.manufacturer }),
      ...(match.model === undefined ? {} : { model: match.model }),
    };
  }
  if (LAYOUT_DAMAGE.test(value)) {
    return {
      ...base,
      kind: 'unknown',
      reason: `"${displayRaw(value)}" was read: digits typed as symbols, so the scanner's keyboard layout does not match this PC's; set the scanner to the PC's layout`,
    };
  }
  return { ...base, kind: 'unknown', reason: `"${displayRaw(value)}" was read: not a PKID (13 digits) and no known serial format` };
}

/** The PKID inside a read that is a 13-digit PKID glued to another code (a serial or a second PKID). */
function gluedPkid(value: string, patterns: readonly SerialPattern[]): string | undefined {
  const isCode = (part: string): boolean => PKID.test(part) || matchSerial(part, patterns) !== undefined;
  const leading = LEADING_PKID.exec(value);
  if (leading?.[1] !== undefined && leading[2] !== undefined && isCode(leading[2])) return leading[1];
  const trailing = TRAILING_PKID.exec(value);
  if (trailing?.[1] !== undefined && trailing[2] !== undefined && isCode(trailing[1])) return trailing[2];
  return undefined;
}

/** Several fields in one read (GS/RS-separated, or a 15434 envelope): the PKID and the serial it holds. */
function classifyFields(base: ReadBase, fields: readonly string[], gs1: boolean, patterns: readonly SerialPattern[]): ClassifiedRead {
  // EAN/UPC carry one number and no fields: GS there is a misread.
  if (isRetailSymbology(base.symbology)) return { ...base, kind: 'invalid', reason: `a retail barcode cannot hold several fields (${displayRaw(base.raw)}): a misread; scan it again` };
  const { pkid, serial } = readFields(fields, gs1, patterns);
  if (pkid !== undefined) return { ...base, kind: 'pkid', value: pkid, ...(serial === undefined ? {} : { serial }) };
  if (serial !== undefined) {
    return {
      ...base,
      kind: 'serial',
      value: serial.serial,
      pattern: serial.pattern,
      ...(serial.manufacturer === undefined ? {} : { manufacturer: serial.manufacturer }),
      ...(serial.model === undefined ? {} : { model: serial.model }),
    };
  }
  return {
    ...base,
    kind: 'unknown',
    reason: `the read (${displayRaw(base.raw)}) holds ${fields.length} fields, and none is a PKID (13 digits) or a known serial format`,
  };
}
