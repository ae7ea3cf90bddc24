// scans:record. The renderer classified the read already for an instant hint; the core classifies
// again because it is the authority. Duplicate checks and the write share one IMMEDIATE transaction,
// and the unique index on live PKIDs backs them up against any other writer.
import { classifyRead, type ClassifiedRead } from '../../../shared/domain/barcode';
import { fail, ok, type Result } from '../../../shared/contract';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { countLiveDevices } from '../../../db/repos/batches';
import { deviceView, findLiveDuplicate, insertDevice, updateDevice } from '../../../db/repos/devices';
import { findRemoteDuplicate } from '../../../db/repos/remote-inventory';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { Session } from '../sessions';
import type { WaitingSerial } from '../box-assembly';
import { confirmMessage, gtinMessage } from './messages';
import { closedForScanning, invalidVerdict, liveDuplicateVerdict, remoteDuplicateVerdict } from './verdicts';
import { isUniqueViolation } from '../../../db/sqlite-errors';

export interface ScanInput {
  batchId: number;
  raw: string;
  source: 'wedge' | 'camera' | 'manual';
  symbology?: ClassifiedRead['symbology'];
  confirmPkid?: boolean;
}

const ACTION = 'scans:record';

const deviceSource = (source: ScanInput['source']): 'wedge' | 'camera' => (source === 'camera' ? 'camera' : 'wedge');

/** Whether a serial (with its manufacturer, when known) already names another live box. */
const serialTaken = (tx: StationTx, s: WaitingSerial) => findLiveDuplicate(tx, { pkid: null, hardwareHash: null, ...s });

function recordPkid(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, pkid: string): ScanVerdict {
  const { batchId } = input;
  const dup = { action: ACTION, batchId, value: pkid, what: `PKID ${pkid}`, detail: { pkid } } as const;
  const existing = findLiveDuplicate(tx, { pkid, serial: null, manufacturer: null, model: null, hardwareHash: null });
  if (existing) return liveDuplicateVerdict(ctx, tx, dup, existing);
  const remote = findRemoteDuplicate(tx, { pkid, serial: null, manufacturer: null });
  if (remote) return remoteDuplicateVerdict(ctx, tx, dup, remote);
  const waiting = ctx.boxes.peekWaitingSerial(session.sessionId, batchId);
  const serialFree = waiting && !serialTaken(tx, waiting);
  const row = insertDevice(tx, {
    batchId,
    pkid,
    serial: serialFree ? waiting.serial : null,
    manufacturer: serialFree ? waiting.manufacturer : null,
    model: serialFree ? waiting.model : null,
    raw: input.raw,
    // The devices table knows keyboard (wedge), camera and import: a typed PKID came from the keyboard.
    // That it was typed, not scanned, is kept in its audit row (source 'manual').
    source: deviceSource(input.source),
    scannedBy: session.operatorId,
    scannedAt: ctx.now(),
  });
  ctx.audit(tx, { action: ACTION, objectType: 'device', objectId: row.id, detail: { pkid, serial: row.serial, source: input.source, ...(input.source === 'manual' ? { typed: true } : {}) } });
  const device = deviceView(tx, row.id) ?? null;
  const withSerial = row.serial ? ` with serial ${row.serial}` : '';
  return { verdict: 'accepted', effect: 'new-box', message: `PKID ${pkid} accepted${withSerial}.`, device, count: countLiveDevices(tx, batchId) };
}

function recordSerial(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, read: Extract<ClassifiedRead, { kind: 'serial' }>): ScanVerdict {
  const { batchId } = input;
  const serial = { serial: read.value, manufacturer: read.manufacturer ?? null, model: read.model ?? null };
  // A serial is one box per manufacturer: the same serial read from another maker's label is another box.
  const existing = serialTaken(tx, serial);
  if (existing) return liveDuplicateVerdict(ctx, tx, { action: ACTION, batchId, value: read.value, what: `Serial ${read.value}`, detail: { serial: read.value } }, existing);
  const boxId = ctx.boxes.boxAwaitingSerial(session.sessionId, batchId);
  const box = boxId === undefined ? undefined : deviceView(tx, boxId);
  if (box && box.serial === null && box.state === 'scanned') {
    updateDevice(tx, box.id, serial);
    ctx.audit(tx, { action: 'scans:attachSerial', objectType: 'device', objectId: box.id, detail: { ...serial, pkid: box.pkid } });
    const maker = serial.manufacturer ? ` (${serial.manufacturer})` : '';
    return {
      verdict: 'accepted',
      effect: 'serial-attached',
      message: `Serial ${read.value}${maker} added to box ${box.pkid ?? box.id}.`,
      device: deviceView(tx, box.id) ?? null,
      count: countLiveDevices(tx, batchId),
    };
  }
  const dropped = ctx.boxes.holdSerial(session.sessionId, batchId, serial);
  const note = dropped && dropped.serial !== read.value ? ` (serial ${dropped.serial} had no PKID and was dropped)` : '';
  return { verdict: 'accepted', effect: 'serial-waiting', message: `Serial ${read.value} noted: now scan this box's PKID${note}.`, device: null, count: countLiveDevices(tx, batchId) };
}

export function recordScan(ctx: HandlerContext, input: ScanInput): Result<ScanVerdict> {
  const session = ctx.session;
  if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
  const read = classifyRead({ raw: input.raw, symbology: input.symbology });
  const attempt = () =>
    ctx.write(['devices'], (tx): Result<ScanVerdict> => {
      const closed = closedForScanning(tx, input.batchId);
      if (closed) return closed;
      const refuse = (message: string) => ok(invalidVerdict(ctx, tx, ACTION, input.batchId, read.raw, message, { kind: read.kind }));
      switch (read.kind) {
        case 'pkid':
          return ok(recordPkid(ctx, tx, session, input, read.value));
        case 'pkid-unconfirmed':
          return ok(input.confirmPkid ? recordPkid(ctx, tx, session, input, read.value) : { verdict: 'confirm', message: confirmMessage(read.value), value: read.value, count: countLiveDevices(tx, input.batchId) });
        case 'serial':
          return ok(recordSerial(ctx, tx, session, input, read));
        case 'gtin':
          return refuse(gtinMessage(read.value, read.format));
        case 'unknown':
        case 'invalid':
          return refuse(read.reason);
      }
    });
  let result: Result<ScanVerdict>;
  try {
    result = attempt();
  } catch (err) {
    // Another writer stored the same PKID between our check and our insert: answer as a duplicate.
    if (!isUniqueViolation(err)) throw err;
    result = attempt();
  }
  if (result.ok && result.value.verdict === 'accepted') {
    const verdict = result.value;
    if (verdict.effect === 'new-box' && verdict.device) {
      ctx.boxes.takeWaitingSerial(session.sessionId, input.batchId);
      if (verdict.device.serial === null) ctx.boxes.boxStored(session.sessionId, input.batchId, verdict.device.id);
      else ctx.boxes.closeBox(session.sessionId, input.batchId);
    }
    if (verdict.effect === 'serial-attached') ctx.boxes.closeBox(session.sessionId, input.batchId);
  }
  return result;
}
