// What an import would do, line by line: every data row is accepted or refused with its line number
// and a reason. Checks against the database are set-based (one query for all of the file's PKIDs),
// never a query per row, so a 100,000-line file plans in well under a second.
import { createHash } from 'node:crypto';
import { classifyRead, displayRaw } from '../../../shared/domain/barcode';
import { REFUSED_LINES_SHOWN, type FileReading, type RefusalReason, type RefusedLine } from '../../../shared/contract/import';
import { when } from '../scanning/messages';
import type { Need } from './headers';
import { readImportFile, type ImportRow } from './read-file';

export interface AcceptedRow {
  line: number;
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
  hash: string | null;
}

/** A live device already holding a PKID or serial. */
export interface Holder {
  value: string;
  deviceId: number;
  batchId: number;
  batchName: string;
  state: string;
  manufacturer: string | null;
  scannedBy: string;
  scannedAt: number;
}

export interface DeviceLookups {
  livePkids(pkids: readonly string[]): Holder[];
  liveSerials(serials: readonly string[]): Holder[];
}

/** Refusals: counted in full, kept for the first REFUSED_LINES_SHOWN lines. */
export class RefusalLog {
  count = 0;
  readonly byReason: Partial<Record<RefusalReason, number>> = {};
  private kept: RefusedLine[] = [];

  constructor(private readonly cap = REFUSED_LINES_SHOWN) {}

  /** Callers add lines in increasing order within one pass; a second pass goes into its own log, then absorb(). */
  add(line: number, reason: RefusalReason, message: string): void {
    this.count++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.kept.length < this.cap) this.kept.push({ line, reason, message });
  }

  absorb(other: RefusalLog): void {
    this.count += other.count;
    for (const [reason, n] of Object.entries(other.byReason) as [RefusalReason, number][]) this.byReason[reason] = (this.byReason[reason] ?? 0) + n;
    this.kept = [...this.kept, ...other.kept].sort((a, b) => a.line - b.line).slice(0, this.cap);
  }

  lines(): RefusedLine[] {
    return [...this.kept];
  }
}

const PKID = /^\d{13}$/;
const SHORTENED = /^\d(?:[.,]\d+)?E\+?\d+$/i;
const BAD_TEXT = /[,"\p{Cc}]/u;
const HASH = /^[A-Za-z0-9+/=]+$/;

/** The PKID in a cell, or why there is none. Same rule as a scan: exactly 13 digits. */
export function pkidProblem(cell: string): { pkid: string } | { problem: string } {
  if (PKID.test(cell)) return { pkid: cell };
  if (SHORTENED.test(cell)) return { problem: `"${cell}" is a PKID a spreadsheet turned into a rounded number: format the column as text and export it again` };
  if (/^'\d{13}$/.test(cell)) return { problem: `"${cell}" starts with an apostrophe (a spreadsheet's text marker): remove it` };
  // The column says this is a PKID, so a 13-digit value that also passes the EAN-13 check is one; the
  // classifier also finds one behind a "PKID:" caption, as on a scanned label.
  const read = classifyRead({ raw: cell, symbology: 'code128' });
  if (read.kind === 'pkid') return { pkid: read.value };
  if (/^\d+$/.test(cell)) return { problem: `${cell.length} digits (${cell}): a PKID has exactly 13 digits` };
  return { problem: `"${displayRaw(cell)}" is not a PKID (a PKID is exactly 13 digits)` };
}

function textProblem(label: string, value: string, max = 64): string | null {
  if (value.length > max) return `the ${label} has ${value.length} characters (at most ${max})`;
  if (BAD_TEXT.test(value)) return `the ${label} "${displayRaw(value)}" holds a comma, a quote or a control character, which Partner Center's CSV cannot carry`;
  return null;
}

function valuesProblem(row: ImportRow): string | null {
  const hash = row.hash.length > 0 && (row.hash.length > 16_384 || !HASH.test(row.hash)) ? 'the hardware hash is not base64 text of at most 16 KB' : null;
  return textProblem('serial', row.serial) ?? textProblem('manufacturer', row.manufacturer) ?? textProblem('model', row.model) ?? hash;
}

const orNull = (s: string) => (s.length === 0 ? null : s);

function holderMessage(what: string, h: Holder, batchId: number): { reason: RefusalReason; message: string } {
  const by = `scanned by ${h.scannedBy}, ${when(h.scannedAt)}`;
  if (h.state === 'registered') return { reason: 'registered', message: `${what} is already registered (batch ${h.batchName}).` };
  if (h.batchId === batchId) return { reason: 'this-batch', message: `${what} is already in this batch (${by}).` };
  return { reason: 'other-batch', message: `${what} is already in batch ${h.batchName} (${by}).` };
}

export interface Plan {
  reading: FileReading;
  accepted: AcceptedRow[];
  refusals: RefusalLog;
  /** Binds a commit to this file, this batch and exactly these accepted PKIDs. */
  token: string;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; message: string };

function tokenOf(reading: FileReading, batchId: number, accepted: readonly AcceptedRow[], extra: string): string {
  const h = createHash('sha256').update(`${reading.sha256}\n${batchId}\n${extra}\n`);
  for (const row of accepted) h.update(`${row.line}:${row.pkid ?? ''}:${row.serial ?? ''}\n`);
  return h.digest('hex');
}

function read(bytes: Uint8Array, fileName: string, need: Need, visit: (row: ImportRow) => void, maxBytes?: number) {
  return readImportFile(bytes, fileName, need, visit, maxBytes);
}

/** Devices to import into a batch: PKID required, unique in the file and not live anywhere. */
export function planDeviceImport(bytes: Uint8Array, fileName: string, batchId: number, lookups: DeviceLookups, maxBytes?: number): PlanResult {
  const refusals = new RefusalLog();
  const candidates: AcceptedRow[] = [];
  const firstPkid = new Map<string, number>();
  const firstSerial = new Map<string, number>();
  const file = read(
    bytes,
    fileName,
    'pkid',
    (row) => {
      if (row.ragged) return refusals.add(row.line, 'ragged', `This line ${row.ragged}`);
      if (row.state.toLowerCase() === 'removed') return refusals.add(row.line, 'removed-in-file', 'This line is marked removed in the file.');
      if (row.pkid.length === 0) return refusals.add(row.line, 'no-pkid', 'There is no PKID on this line.');
      const checked = pkidProblem(row.pkid);
      if ('problem' in checked) return refusals.add(row.line, 'bad-pkid', `${checked.problem}.`);
      const bad = valuesProblem(row);
      if (bad) return refusals.add(row.line, 'bad-value', `PKID ${checked.pkid}: ${bad}.`);
      const earlier = firstPkid.get(checked.pkid);
      if (earlier !== undefined) return refusals.add(row.line, 'duplicate-in-file', `PKID ${checked.pkid} is also on line ${earlier} of this file.`);
      firstPkid.set(checked.pkid, row.line);
      if (row.serial.length > 0) {
        const serialLine = firstSerial.get(row.serial);
        if (serialLine !== undefined) return refusals.add(row.line, 'serial-duplicate-in-file', `Serial ${row.serial} is also on line ${serialLine} of this file.`);
        firstSerial.set(row.serial, row.line);
      }
      candidates.push({ line: row.line, pkid: checked.pkid, serial: orNull(row.serial), manufacturer: orNull(row.manufacturer), model: orNull(row.model), hash: orNull(row.hash) });
    },
    maxBytes,
  );
  if (!file.ok) return { ok: false, message: file.message };
  const { accepted, conflicts } = resolveConflicts(candidates, lookups, batchId);
  refusals.absorb(conflicts);
  return { ok: true, plan: { reading: file.reading, accepted, refusals, token: tokenOf(file.reading, batchId, accepted, 'devices') } };
}

/**
 * Rows whose PKID (or serial, same rule as a scanned serial) is live on a device already are refused.
 * The commit runs this again inside its write transaction, so nothing that changed since the
 * preview slips in.
 */
export function resolveConflicts(candidates: readonly AcceptedRow[], lookups: DeviceLookups, batchId: number): { accepted: AcceptedRow[]; conflicts: RefusalLog } {
  const pkidHolders = new Map(lookups.livePkids(candidates.flatMap((c) => (c.pkid ? [c.pkid] : []))).map((h) => [h.value, h]));
  const serialHolders = new Map<string, Holder[]>();
  for (const h of lookups.liveSerials(candidates.flatMap((c) => (c.serial ? [c.serial] : [])))) serialHolders.set(h.value, [...(serialHolders.get(h.value) ?? []), h]);
  const accepted: AcceptedRow[] = [];
  const conflicts = new RefusalLog();
  for (const c of candidates) {
    const holder = c.pkid ? pkidHolders.get(c.pkid) : undefined;
    if (holder) {
      const { reason, message } = holderMessage(`PKID ${c.pkid}`, holder, batchId);
      conflicts.add(c.line, reason, message);
      continue;
    }
    const maker = c.manufacturer?.toLowerCase() ?? null;
    const serialHolder = c.serial ? serialHolders.get(c.serial)?.find((h) => h.manufacturer === null || maker === null || h.manufacturer.toLowerCase() === maker) : undefined;
    if (serialHolder) {
      conflicts.add(c.line, 'serial-elsewhere', holderMessage(`Serial ${c.serial}`, serialHolder, batchId).message);
      continue;
    }
    accepted.push(c);
  }
  return { accepted, conflicts };
}

/** Expected lines (an advance ship notice): a PKID, or a serial when the supplier lists no PKID. */
export function planExpectedImport(
  bytes: Uint8Array,
  fileName: string,
  batchId: number,
  existing: { pkids: ReadonlySet<string>; serials: ReadonlySet<string> },
  maxBytes?: number,
): PlanResult {
  const refusals = new RefusalLog();
  const accepted: AcceptedRow[] = [];
  const firstPkid = new Map<string, number>();
  const firstSerial = new Map<string, number>();
  const file = read(
    bytes,
    fileName,
    'pkid-or-serial',
    (row) => {
      if (row.ragged) return refusals.add(row.line, 'ragged', `This line ${row.ragged}`);
      let pkid: string | null = null;
      if (row.pkid.length > 0) {
        const checked = pkidProblem(row.pkid);
        if ('problem' in checked) return refusals.add(row.line, 'bad-pkid', `${checked.problem}.`);
        pkid = checked.pkid;
      } else if (row.serial.length === 0) {
        return refusals.add(row.line, 'no-pkid', 'There is neither a PKID nor a serial on this line.');
      }
      const bad = valuesProblem(row);
      if (bad) return refusals.add(row.line, 'bad-value', `${bad}.`);
      if (pkid !== null) {
        const earlier = firstPkid.get(pkid);
        if (earlier !== undefined) return refusals.add(row.line, 'duplicate-in-file', `PKID ${pkid} is also on line ${earlier} of this file.`);
        if (existing.pkids.has(pkid)) return refusals.add(row.line, 'already-expected', `PKID ${pkid} is already expected in this batch.`);
        firstPkid.set(pkid, row.line);
      } else {
        const earlier = firstSerial.get(row.serial);
        if (earlier !== undefined) return refusals.add(row.line, 'serial-duplicate-in-file', `Serial ${row.serial} is also on line ${earlier} of this file.`);
        if (existing.serials.has(row.serial)) return refusals.add(row.line, 'already-expected', `Serial ${row.serial} is already expected in this batch.`);
        firstSerial.set(row.serial, row.line);
      }
      accepted.push({ line: row.line, pkid, serial: orNull(row.serial), manufacturer: orNull(row.manufacturer), model: orNull(row.model), hash: null });
    },
    maxBytes,
  );
  if (!file.ok) return { ok: false, message: file.message };
  return { ok: true, plan: { reading: file.reading, accepted, refusals, token: tokenOf(file.reading, batchId, accepted, 'expected') } };
}
