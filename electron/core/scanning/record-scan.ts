// scans:record. The renderer classified the read already for an instant hint; the core classifies
// again because it is the authority. Duplicate checks and the write share one IMMEDIATE transaction,
// and the unique index on live PKIDs backs them up against any other writer.
import { classifyRead, displayRaw, type ClassifiedRead } from '../../../shared/domain/barcode';
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { countLiveDevices } from '../../../db/repos/batches';
import { deviceView, findLiveDuplicate, insertDevice, updateDevice } from '../../../db/repos/devices';
import { findRemoteDuplicate } from '../../../db/repos/remote-inventory';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { Session } from '../sessions';
import type { WaitingSerial } from '../box-assembly';
import { confirmMessage, gtinMessage } from './messages';
import { closedForScanning, fleetDuplicateVerdict, invalidVerdict, liveDuplicateVerdict, remoteDuplicateVerdict } from './verdicts';
import { isUniqueViolation } from '../../../db/sqlite-errors';
import { readSetting } from '../settings';

function layoutMessage(input: ScanInput): string {
  const meant = input.usReading !== undefined && input.usReading !== '' ? ` (a US-layout scanner meant "${displayRaw(input.usReading)}")` : '';
  return `Not recorded: the scanner's keyboard layout does not match this PC's, so letters or symbols came out wrong ("${displayRaw(input.raw)}"${meant}). An admin can fix it once: Settings > Scanner test > Learn this scanner (or set the scanner to this PC's layout).`;
}

export interface ScanInput {
  batchId: number;
  raw: string;
  source: 'wedge' | 'camera' | 'manual';
  symbology?: ClassifiedRead['symbology'];
  /** The operator said yes to the question a confirm verdict asked (a PKID that passes the EAN check, or a serial joining a box). */
  confirmPkid?: boolean;
  /** The wedge saw keys typing other characters than a US layout types, with nothing to account for it. */
  layoutMismatch?: boolean;
  /** What those keys mean to a US-layout scanner, for the message. */
  usReading?: string;
}

const ACTION = 'scans:record';

const deviceSource = (source: ScanInput['source']): 'wedge' | 'camera' => (source === 'camera' ? 'camera' : 'wedge');

/** Whether a serial (with its manufacturer, when known) already names another live box. */
const serialTaken = (tx: StationTx, s: WaitingSerial) => findLiveDuplicate(tx, { pkid: null, hardwareHash: null, ...s });

function recordPkid(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, pkid: string, withSerial?: WaitingSerial): ScanVerdict {
  const { batchId } = input;
  const dup = { action: ACTION, batchId, value: pkid, what: `PKID ${pkid}`, detail: { pkid } } as const;
  const existing = findLiveDuplicate(tx, { pkid, serial: null, manufacturer: null, model: null, hardwareHash: null });
  if (existing) return liveDuplicateVerdict(ctx, tx, dup, existing);
  const remote = findRemoteDuplicate(tx, { pkid, serial: null, manufacturer: null });
  if (remote) return remoteDuplicateVerdict(ctx, tx, dup, remote);
  const elsewhere = fleetDuplicateVerdict(ctx, tx, dup, { pkid });
  if (elsewhere) return elsewhere;
  const windowMs = (readSetting(tx, 'scanner.pairWindowSeconds') ?? 10) * 1000;
  // The same read's own serial (a multi-field 2D code) belongs to it; a serial scanned before joins
  // only if it came within the pairing window with nothing in between.
  const waitingBefore = ctx.boxes.peekWaitingSerial(session.sessionId, batchId);
  const waiting = withSerial ?? ctx.boxes.pairableWaitingSerial(session.sessionId, batchId, ctx.now(), windowMs);
  const serialFree = waiting && !serialTaken(tx, waiting);
  const notJoined = waitingBefore !== undefined && withSerial === undefined && waiting === undefined ? ` Serial ${waitingBefore.serial} was not added (another read came in between, or more than ${windowMs / 1000} s passed): scan it again to add it.` : '';
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
  const serialNote = row.serial ? ` with serial ${row.serial}` : '';
  const takenNote = waiting && !serialFree ? ` Serial ${waiting.serial} is already on another box and was not added.` : '';
  return { verdict: 'accepted', effect: 'new-box', message: `PKID ${pkid} accepted${serialNote}.${takenNote}${notJoined}`, device, count: countLiveDevices(tx, batchId) };
}

function recordSerial(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, read: Extract<ClassifiedRead, { kind: 'serial' }>): ScanVerdict {
  const { batchId } = input;
  const serial = { serial: read.value, manufacturer: read.manufacturer ?? null, model: read.model ?? null };
  // A serial is one box per manufacturer: the same serial read from another maker's label is another box.
  const existing = serialTaken(tx, serial);
  if (existing) return liveDuplicateVerdict(ctx, tx, { action: ACTION, batchId, value: read.value, what: `Serial ${read.value}`, detail: { serial: read.value } }, existing);
  const windowMs = (readSetting(tx, 'scanner.pairWindowSeconds') ?? 10) * 1000;
  const answer = input.confirmPkid === true ? ctx.boxes.takeAnswer(session.sessionId, batchId, read.value) : undefined;
  const open = ctx.boxes.openBoxFor(session.sessionId, batchId, ctx.now(), windowMs);
  const boxId = answer !== undefined ? answer.deviceId : open?.deviceId;
  const box = boxId === undefined ? undefined : deviceView(tx, boxId);
  const boxOpen = box !== undefined && box.serial === null && box.state === 'scanned';
  const generic = read.pattern === 'generic';
  if (answer === undefined && ((boxOpen && (!open?.close || generic)) || (!boxOpen && generic))) {
    // Not close enough, something in between, or no maker's format: ask, never pair silently.
    const why = !boxOpen
      ? `${read.value} matches no maker's serial format`
      : generic
        ? `${read.value} matches no maker's serial format`
        : open?.interrupted
          ? 'another read came after that box'
          : `it came ${open?.seconds ?? 0} s after that box (the window is ${windowMs / 1000} s)`;
    const question = boxOpen ? `Add serial ${read.value} to box ${box.pkid ?? box.id}?` : `Keep ${read.value} as the serial of the next PKID you scan?`;
    ctx.boxes.ask(session.sessionId, batchId, { serial: read.value, deviceId: boxOpen ? box.id : undefined });
    return { verdict: 'confirm', message: `${question} (${why}.) Press Enter to keep it, or Esc to drop it.`, value: read.value, count: countLiveDevices(tx, batchId) };
  }
  if (box && boxOpen) {
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
  const dropped = ctx.boxes.holdSerial(session.sessionId, batchId, serial, ctx.now());
  const note = dropped && dropped.serial !== read.value ? ` (serial ${dropped.serial} had no PKID and was dropped)` : '';
  return { verdict: 'accepted', effect: 'serial-waiting', message: `Serial ${read.value} noted: now scan this box's PKID${note}.`, device: null, count: countLiveDevices(tx, batchId) };
}

export function recordScan(ctx: HandlerContext, input: ScanInput): Result<ScanVerdict> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  const read = classifyRead({ raw: input.raw, symbology: input.symbology });
  const attempt = () =>
    ctx.write(['devices'], (tx): Result<ScanVerdict> => {
      const closed = closedForScanning(tx, input.batchId);
      if (closed) return closed;
      const refuse = (message: string) => ok(invalidVerdict(ctx, tx, ACTION, input.batchId, read.raw, message, { kind: read.kind }));
      if (input.layoutMismatch === true) return refuse(layoutMessage(input));
      switch (read.kind) {
        case 'pkid':
          return ok(recordPkid(ctx, tx, session, input, read.value, read.serial === undefined ? undefined : { serial: read.serial.serial, manufacturer: read.serial.manufacturer ?? null, model: read.serial.model ?? null }));
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
      if (verdict.device.serial === null) ctx.boxes.boxStored(session.sessionId, input.batchId, verdict.device.id, ctx.now());
      else ctx.boxes.closeBox(session.sessionId, input.batchId);
    }
    if (verdict.effect === 'serial-attached') ctx.boxes.closeBox(session.sessionId, input.batchId);
  } else if (!(result.ok && result.value.verdict === 'confirm') && !sameBoxAgain(ctx, session, input.batchId, result)) {
    // A duplicate, a refusal, an error: whatever was open no longer pairs without asking.
    ctx.boxes.interrupt(session.sessionId, input.batchId);
  }
  return result;
}

/** The open box's own PKID (or the waiting serial) read again, as a camera does while the label stays
 * in view: not another box in between. */
function sameBoxAgain(ctx: HandlerContext, session: Session, batchId: number, result: Result<ScanVerdict>): boolean {
  if (!result.ok || result.value.verdict !== 'duplicate') return false;
  const value = result.value.value;
  const boxId = ctx.boxes.boxAwaitingSerial(session.sessionId, batchId);
  const box = boxId === undefined ? undefined : deviceView(ctx.db, boxId);
  return box?.pkid === value || ctx.boxes.peekWaitingSerial(session.sessionId, batchId)?.serial === value;
}
