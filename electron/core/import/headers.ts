// Which column holds what. Partner Center's own sample, OEM and distributor portals and hand-made
// sheets name the columns differently; headings are compared ignoring case, spaces and punctuation.
export type Field = 'pkid' | 'serial' | 'manufacturer' | 'model' | 'hash' | 'state';

const ALIASES: Record<Field, readonly string[]> = {
  pkid: ['Windows Product ID', 'Product Key ID', 'PKID', 'productKey', 'Product ID', 'Windows Product Key ID'],
  serial: ['Device Serial Number', 'Serial Number', 'Serial', 'SN', 'Serial No'],
  manufacturer: ['Manufacturer name', 'Manufacturer', 'Make', 'OEM'],
  model: ['Device model', 'Model', 'Model name'],
  // Get-WindowsAutopilotInfo and Intune write "Hardware Hash"; Graph calls it hardwareIdentifier; OEM
  // portals add "4K".
  hash: ['Hardware Hash', '4K Hardware Hash', 'Hardware Hash (4K)', 'hardwareIdentifier', 'Device Hardware Data'],
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

/**
 * What a file's heading must name: 'pkid' a PKID column; 'pkid-or-serial' (expected lines) a PKID or a
 * serial column; 'identity' (devices) a column for some identity: PKID, hardware hash, or serial with
 * manufacturer and model. Each row is then checked for an identity of its own.
 */
export type Need = 'pkid' | 'pkid-or-serial' | 'identity';

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
    if (need === 'identity') return identityHeading(map, first);
    const wanted = need === 'pkid' ? pkidNames : `${pkidNames} or a serial number column`;
    return { kind: 'error', message: `Line 1 names columns but none holds the PKID: call it one of ${wanted}.` };
  }
  if (first.length === 1) return { kind: 'headerless', map: { pkid: 0 } };
  const pkidCells = first.flatMap((cell, index) => (PKID.test(cell.trim()) ? [index] : []));
  if (pkidCells.length === 1 && pkidCells[0] !== undefined) return { kind: 'headerless', map: { pkid: pkidCells[0] } };
  if (need === 'identity') {
    return {
      kind: 'error',
      message: `Line 1 does not name the columns, so no device identity can be found: add a heading line naming a PKID column (one of ${pkidNames}), a "Hardware Hash" column, or the columns ${TUPLE_NAMES} (or import a file with one PKID per line).`,
    };
  }
  return {
    kind: 'error',
    message: `Line 1 does not name the columns, so the PKID column cannot be found: add a heading line with one of ${pkidNames} (or import a file with one PKID per line).`,
  };
}

const TUPLE_NAMES = '"Device Serial Number", "Manufacturer name" and "Device model"';

/** A devices file without a PKID column: it must carry hardware hashes, or all three tuple columns. */
function identityHeading(map: ColumnMap, first: readonly string[]): Columns {
  if (map.hash !== undefined || (map.serial !== undefined && map.manufacturer !== undefined && map.model !== undefined)) {
    return { kind: 'header', map, headings: first.map((c) => c.trim()) };
  }
  if (map.serial !== undefined) {
    const missing = [map.manufacturer === undefined ? '"Manufacturer name"' : null, map.model === undefined ? '"Device model"' : null].filter((m) => m !== null);
    return {
      kind: 'error',
      message: `Line 1 has a serial number column but no PKID or hardware hash column, so each device needs its manufacturer and model too: add ${missing.join(' and ')} (spelled exactly as the firmware reports them), or a PKID or "Hardware Hash" column.`,
    };
  }
  return {
    kind: 'error',
    message: `Line 1 names columns but none identifies a device: a file needs a PKID column (one of ${pkidNames}), a "Hardware Hash" column, or the columns ${TUPLE_NAMES}.`,
  };
}
