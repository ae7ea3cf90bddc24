import type { Symbology } from './symbology';

// AIM symbology identifier: "]" + code character + modifier character (ISO/IEC 15424). Scanners add it only
// when configured to; it tells which symbology was read, and whether it carried GS1 data (FNC1 first).
export interface AimIdentifier {
  /** The three characters as read, e.g. "]C1". */
  readonly id: string;
  readonly symbology: Symbology;
  /** GS1 data (e.g. GS1-128 "]C1", GS1 DataMatrix "]d2", GS1 QR "]Q3"). */
  readonly gs1: boolean;
}

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

// Keyed by the code character; AIM code characters are case-sensitive ("]d" DataMatrix vs "]D" Code One).
const BY_CODE: Readonly<Record<string, Symbology>> = {
  A: 'code39',
  C: 'code128',
  E: 'ean13',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  d: 'datamatrix',
  e: 'databar',
  z: 'aztec',
};

const GS1_IDS: ReadonlySet<string> = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

function symbologyOf(code: string, modifier: string): Symbology {
  const base = BY_CODE[code] ?? 'other';
  // ]E4 is EAN-8; the other ]E modifiers carry EAN-13 (UPC-A and UPC-E arrive expanded to 13 digits).
  if (code === 'E' && modifier === '4') return 'ean8';
  return base;
}

/** Splits a leading AIM identifier off a read. Any "]" + letter + alphanumeric is taken as one: "]" never
 * starts a PKID, a serial or a GTIN, so nothing storable is lost by stripping an unknown identifier. */
export function splitAimPrefix(text: string): { aim: AimIdentifier | undefined; rest: string } {
  if (!AIM_PREFIX.test(text)) return { aim: undefined, rest: text };
  const id = text.slice(0, 3);
  const code = id.charAt(1);
  const modifier = id.charAt(2);
  return { aim: { id, symbology: symbologyOf(code, modifier), gs1: GS1_IDS.has(id) }, rest: text.slice(3) };
}
