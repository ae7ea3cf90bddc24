// What an import would do, line by line: every data row is accepted or refused with its line number
// and a reason. Checks against the database are set-based (one query per identity for all of the
// file's lines), never a query per row, so a 100,000-line file plans in well under a second.
import { createHash } from 'node:crypto';
import type { FileReading } from '../../../shared/contract/import';
import { resolveConflicts, type DeviceLookups, type HashAttachment } from './conflicts';
import { checkDeviceRow, orNull, textsProblem, type AcceptedRow } from './device-row';
import { FileDuplicates } from './file-duplicates';
import type { Need } from './headers';
import { pkidProblem } from './pkid-cell';
import { readImportFile, type ImportRow } from './read-file';
import { RefusalLog } from './refusal-log';

export type { AcceptedRow } from './device-row';
export { resolveConflicts, type DeviceLookups, type HashAttachment, type Holder, type RemoteHolder } from './conflicts';
export { pkidProblem } from './pkid-cell';
export { RefusalLog } from './refusal-log';

export interface Plan {
  reading: FileReading;
  accepted: AcceptedRow[];
  /** Hashes for boxes already in the batch, attached to their lines (device files only). */
  attachments: HashAttachment[];
  refusals: RefusalLog;
  /** Binds a commit to this file, this batch and exactly these accepted lines. */
  token: string;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; message: string };

function tokenOf(reading: FileReading, batchId: number, accepted: readonly AcceptedRow[], extra: string, attachments: readonly HashAttachment[] = []): string {
  const h = createHash('sha256').update(`${reading.sha256}\n${batchId}\n${extra}\n`);
  for (const row of accepted) h.update(`${row.line}:${row.pkid ?? ''}:${row.serial ?? ''}\n`);
  for (const a of attachments) h.update(`attach ${a.line}:${a.deviceId}\n`);
  return h.digest('hex');
}

function read(bytes: Uint8Array, fileName: string, need: Need, visit: (row: ImportRow) => void, maxBytes?: number) {
  return readImportFile(bytes, fileName, need, visit, maxBytes);
}

/**
 * Devices to import into a batch: each line needs an identity (hardware hash, PKID, or serial +
 * manufacturer + model), and must not repeat another line of the file or a box the station or Partner
 * Center already holds, under any identity.
 */
export function planDeviceImport(bytes: Uint8Array, fileName: string, batchId: number, lookups: DeviceLookups, maxBytes?: number): PlanResult {
  const refusals = new RefusalLog();
  const candidates: AcceptedRow[] = [];
  const duplicates = new FileDuplicates();
  const file = read(
    bytes,
    fileName,
    'identity',
    (row) => {
      const verdict = checkDeviceRow(row);
      if (!verdict.ok) return refusals.add(row.line, verdict.reason, verdict.message);
      const repeated = duplicates.check(verdict.row);
      if (repeated) return refusals.add(row.line, repeated.reason, repeated.message);
      candidates.push(verdict.row);
    },
    maxBytes,
  );
  if (!file.ok) return { ok: false, message: file.message };
  const { accepted, attachments, conflicts } = resolveConflicts(candidates, lookups, batchId);
  refusals.absorb(conflicts);
  return { ok: true, plan: { reading: file.reading, accepted, attachments, refusals, token: tokenOf(file.reading, batchId, accepted, 'devices', attachments) } };
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
      // Expected lines keep no hardware hash, so only the texts they keep are checked.
      const bad = textsProblem(row);
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
  return { ok: true, plan: { reading: file.reading, accepted, attachments: [], refusals, token: tokenOf(file.reading, batchId, accepted, 'expected') } };
}
