// Which column holds what. Partner Center's own sample, OEM and distributor portals and hand-made
// sheets name the columns differently; headings are compared ignoring case, spaces and punctuation.
export type Field = 'pkid' | 'serial' | 'manufacturer' | 'model' | 'hash' | 'state';

const ALIASES: Record<Field, readonly string[]> = {
  pkid: ['Windows Product ID', 'Product Key ID', 'PKID', 'productKey', 'Product ID', 'Windows Product Key ID'],
  serial: ['Device Serial Number', 'Serial Number', 'Serial', 'SN', 'Serial No'],
  manufacturer: ['Manufacturer name', 'Manufacturer', 'Make', 'OEM'],
  model: ['Device model', 'Model', 'Model name'],
  hash: ['Hardware Hash'],
  // Our own report's State column: a line marked "removed" there is not imported again.
  state: ['State'],
};

export function headingKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const byKey = new Map<string, Field>(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [headingKey(n), field as Field] as const)));

export type ColumnMap = Partial<Record<Field, number>>;

export type Columns =
  | { kind: 'header'; map: ColumnMap; headings: string[] }
  | { kind: 'headerless'; map: ColumnMap }
  | { kind: 'error'; message: string };

const PKID = /^\d{13}$/;

/** What a file must have: devices need a PKID column; expected lines may have serials only. */
export type Need = 'pkid' | 'pkid-or-serial';

const pkidNames = ALIASES.pkid.map((a) => `"${a}"`).join(', ');

/** Reads the first record: a heading row, a headerless file of PKIDs, or neither (with why). */
export function detectColumns(first: readonly string[], need: Need = 'pkid'): Columns {
  const map: ColumnMap = {};
  const seen = new Map<Field, string>();
  for (const [index, cell] of first.entries()) {
    const field = byKey.get(headingKey(cell));
    if (field === undefined) continue;
    const earlier = seen.get(field);
    if (earlier !== undefined) return { kind: 'error', message: `Line 1 has two columns for the same thing ("${earlier}" and "${cell.trim()}"): keep one.` };
    seen.set(field, cell.trim());
    map[field] = index;
  }
  if (seen.size > 0) {
    if (map.pkid !== undefined || (need === 'pkid-or-serial' && map.serial !== undefined)) return { kind: 'header', map, headings: first.map((c) => c.trim()) };
    const wanted = need === 'pkid' ? pkidNames : `${pkidNames} or a serial number column`;
    return { kind: 'error', message: `Line 1 names columns but none holds the PKID: call it one of ${wanted}.` };
  }
  if (first.length === 1) return { kind: 'headerless', map: { pkid: 0 } };
  const pkidCells = first.flatMap((cell, index) => (PKID.test(cell.trim()) ? [index] : []));
  if (pkidCells.length === 1 && pkidCells[0] !== undefined) return { kind: 'headerless', map: { pkid: pkidCells[0] } };
  return {
    kind: 'error',
    message: `Line 1 does not name the columns, so the PKID column cannot be found: add a heading line with one of ${pkidNames} (or import a file with one PKID per line).`,
  };
}
