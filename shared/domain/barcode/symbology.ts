// Symbologies the station can be told about: by a camera decoder's format, or by an AIM identifier
// prefixed to a wedge scan. 'other' means "a barcode, but none we treat specially".
export const SYMBOLOGIES = [
  'code128',
  'code39',
  'code93',
  'codabar',
  'itf',
  'ean13',
  'ean8',
  'upca',
  'upce',
  'databar',
  'datamatrix',
  'qr',
  'pdf417',
  'aztec',
  'other',
] as const;

export type Symbology = (typeof SYMBOLOGIES)[number];

// The retail (EAN/UPC) family: their payload always ends in a GS1 mod-10 check digit, so a 13-digit value in
// one of these is a GTIN, never a PKID.
const RETAIL: ReadonlySet<Symbology> = new Set<Symbology>(['ean13', 'ean8', 'upca', 'upce']);

export function isRetailSymbology(symbology: Symbology | undefined): boolean {
  return symbology !== undefined && RETAIL.has(symbology);
}

export function isSymbology(value: unknown): value is Symbology {
  return typeof value === 'string' && (SYMBOLOGIES as readonly string[]).includes(value);
}
