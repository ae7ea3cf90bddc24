// review:attachHash. A device Partner Center could not match by PKID or serial (813: more than one
// hardware record, 812, 803) registers by its hardware hash, which Get-WindowsAutopilotInfo collects on
// the device itself. A lead attaches that file's hash to the line in place, before approval or to a
// refused device after upload (then retries it), instead of removing the line and importing again.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ReviewDevice } from '../../../shared/contract/review';
import { compactHash, hashProblem } from '../../../shared/domain/identity';
import { displayRaw } from '../../../shared/domain/barcode';
import { findBatch } from '../../../db/repos/batches';
import { findDevice, findLiveDuplicate, updateDevice, type DeviceRow } from '../../../db/repos/devices';
import { reviewDevice } from '../../../db/repos/review';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { HashAttachment } from '../import/conflicts';
import { fileBytes, readImportFile, type ImportRow } from '../import/read-file';
import { when } from '../scanning/messages';

export interface AttachHashInput {
  deviceId: number;
  fileName: string;
  contentBase64: string;
  reason: string;
}

const BEFORE_APPROVAL = new Set(['open', 'closed']);
const AFTER_UPLOAD = new Set(['needs_attention', 'uploading', 'registered']);
/** A Get-WindowsAutopilotInfo file holds one device, or a few hundred when collected for a pallet. */
const MAX_LINES = 100_000;

const same = (a: string | null, b: string) => a !== null && a.trim().toUpperCase() === b.trim().toUpperCase();

/** The file's line for this device: the one naming its PKID or serial, or the only line there is. */
function lineFor(device: DeviceRow, rows: readonly ImportRow[]): Result<ImportRow> {
  const withHash = rows.filter((r) => r.hash.length > 0);
  if (withHash.length === 0) return failSaying('INVALID_INPUT', 'hash.none', {}, 'The file has no hardware hash in it. Choose the CSV that Get-WindowsAutopilotInfo wrote on this device.');
  const named = withHash.filter((r) => (r.pkid.length > 0 && same(device.pkid, r.pkid)) || (r.serial.length > 0 && same(device.serial, r.serial)));
  if (named.length === 1 && named[0]) return ok(named[0]);
  if (named.length > 1) return failSaying('INVALID_INPUT', 'hash.manyLines', { count: named.length, lines: named.map((r) => r.line).join(', ') }, `The file has ${named.length} lines for this device (lines ${named.map((r) => r.line).join(', ')}): keep the one collected last and try again.`);
  const only = withHash[0];
  if (withHash.length === 1 && only) {
    // One device's file: its serial must not name another box.
    if (only.serial.length > 0 && device.serial !== null && !same(device.serial, only.serial)) {
      return failSaying('INVALID_INPUT', 'hash.otherSerial', { fileSerial: displayRaw(only.serial), serial: device.serial ?? '' }, `The file is for serial ${displayRaw(only.serial)}, but this line is serial ${device.serial}. Choose the file collected on this device.`);
    }
    return ok(only);
  }
  const what = [device.pkid ? `PKID ${device.pkid}` : null, device.serial ? `serial ${device.serial}` : null].filter(Boolean).join(' or ') || 'this device';
  return failSaying('INVALID_INPUT', 'hash.notInFile', { count: withHash.length }, `The file lists ${withHash.length} devices and none of them is ${what}. Choose the file collected on this device.`);
}

function attachable(tx: StationTx, device: DeviceRow): Result<null> {
  const batch = findBatch(tx, device.batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: device.batchId }, `There is no batch with id ${device.batchId}.`);
  if (device.removedAt !== null) return failSaying('INVALID_STATE', 'hash.removed', {}, 'This line is removed: restore it before attaching a hash.');
  if (BEFORE_APPROVAL.has(batch.state)) return ok(null);
  if (AFTER_UPLOAD.has(batch.state) && device.state === 'failed') return ok(null);
  return failSaying('INVALID_STATE', 'hash.wrongState', { batch: batch.name, state: batch.state }, `Batch ${batch.name} is ${batch.state.replace('_', ' ')}: a hash can be attached before approval, or to a device Partner Center refused.`);
}

export function attachHash(ctx: HandlerContext, input: AttachHashInput): Result<ReviewDevice> {
  if (!ctx.session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  const rows: ImportRow[] = [];
  // Read before the write transaction, so reading a file never holds the database.
  const read = readImportFile(fileBytes(input.contentBase64), input.fileName, 'identity', (row) => {
    if (rows.length < MAX_LINES) rows.push(row);
  });
  if (!read.ok) return failSaying('INVALID_INPUT', 'hash.fileUnreadable', { file: input.fileName, detail: read.message }, `${input.fileName}: ${read.message}`);
  const sha256 = read.reading.sha256;
  return ctx.write(['devices'], (tx) => {
    const device = findDevice(tx, input.deviceId);
    if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: input.deviceId }, `There is no device with id ${input.deviceId}.`);
    const allowed = attachable(tx, device);
    if (!allowed.ok) return allowed;
    const line = lineFor(device, rows);
    if (!line.ok) return line;
    const problem = hashProblem(line.value.hash);
    if (problem) return failSaying('INVALID_INPUT', 'hash.badLine', { file: input.fileName, line: line.value.line, detail: problem }, `Line ${line.value.line} of ${input.fileName}: ${problem}`);
    const hash = compactHash(line.value.hash);
    const other = findLiveDuplicate(tx, { pkid: null, serial: null, manufacturer: null, model: null, hardwareHash: hash }, device.id);
    if (other) {
      return failSaying('CONFLICT', 'hash.duplicate', { batch: other.batchName, by: other.device.scannedBy, at: other.device.scannedAt }, `That hardware hash is already on a live line in batch ${other.batchName} (scanned by ${other.device.scannedBy}, ${when(other.device.scannedAt)}): the same box twice. Remove one of the lines.`, { deviceId: other.device.id });
    }
    updateDevice(tx, device.id, { hardwareHash: hash });
    // The hash itself stays out of the audit trail (kilobytes, and it names the machine).
    ctx.audit(tx, {
      action: 'review:attachHash',
      objectType: 'device',
      objectId: device.id,
      detail: { batchId: device.batchId, pkid: device.pkid, serial: device.serial, hashCharacters: hash.length, replaced: device.hardwareHash !== null, fileName: input.fileName, sha256, line: line.value.line, reason: input.reason },
    });
    const view = reviewDevice(tx, device.id);
    return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
  });
}

/**
 * import:commit's hashes for boxes already in the batch (the plan checked them: a live line of this
 * batch, a hash no live line has): each is attached and audited as review:attachHash would, so the
 * two-person rule and the trail see the same change by either path.
 */
export function attachImportedHashes(ctx: HandlerContext, tx: StationTx, list: readonly HashAttachment[], file: { fileName: string; sha256: string }): void {
  for (const a of list) {
    const before = findDevice(tx, a.deviceId);
    updateDevice(tx, a.deviceId, { hardwareHash: a.hash });
    ctx.audit(tx, {
      action: 'review:attachHash',
      objectType: 'device',
      objectId: a.deviceId,
      detail: { batchId: before?.batchId ?? null, pkid: a.pkid, serial: a.serial, hashCharacters: a.hash.length, replaced: (before?.hardwareHash ?? null) !== null, fileName: file.fileName, sha256: file.sha256, line: a.line, reason: 'imported with the file' },
    });
  }
}
