// scans:undo takes back the operator's last read, and only that read. A box is often two reads (a
// PKID and its serial): undoing the serial that joined a box leaves the box with its PKID, open for
// the right serial; undoing a PKID that took a waiting serial puts the serial back to waiting; undoing
// a serial still waiting for its PKID drops it. Which read came last is told by the audit trail (an
// attached serial has its own row), so the rule holds after a restart too.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { UndoResult } from '../../../shared/contract/scans';
import { countLiveDevices, findBatch } from '../../../db/repos/batches';
import { deviceView, lastLiveDeviceOf, UNDO_REASON, updateDevice, type DeviceRow } from '../../../db/repos/devices';
import { lastDeviceAction } from '../../../db/repos/device-history';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { Session } from '../sessions';
import { when } from './messages';

const ATTACH = 'scans:attachSerial';
const UNDO = 'scans:undo';

/** Whether the box's serial was the read that came after its PKID (and has not been undone since). */
function serialCameLast(tx: StationTx, deviceId: number): boolean {
  return lastDeviceAction(tx, deviceId, [ATTACH, UNDO]) === ATTACH;
}

function undoSerial(ctx: HandlerContext, tx: StationTx, session: Session, last: DeviceRow): UndoResult {
  const serial = last.serial ?? '';
  updateDevice(tx, last.id, { serial: null, manufacturer: null, model: null });
  ctx.audit(tx, { action: UNDO, objectType: 'device', objectId: last.id, detail: { undid: 'serial', pkid: last.pkid, serial, manufacturer: last.manufacturer, model: last.model } });
  // The box is back to "PKID only": the next serial from this operator joins it.
  // Open again from now: the right serial scanned next joins it within the pairing window.
  ctx.boxes.boxStored(session.sessionId, last.batchId, last.id, ctx.now());
  const box = deviceView(tx, last.id) ?? null;
  return {
    undid: 'serial',
    removed: null,
    box,
    waitingSerial: null,
    message: `Took back serial ${serial}: box ${last.pkid ?? last.id} keeps its PKID. Scan its serial again, or go on.`,
    count: countLiveDevices(tx, last.batchId),
  };
}

function undoBox(ctx: HandlerContext, tx: StationTx, session: Session, last: DeviceRow): UndoResult {
  const removed = deviceView(tx, last.id) ?? null;
  updateDevice(tx, last.id, { removedAt: ctx.now(), removedBy: session.operatorId, removedReason: UNDO_REASON });
  ctx.audit(tx, { action: UNDO, objectType: 'device', objectId: last.id, detail: { undid: 'box', pkid: last.pkid, serial: last.serial } });
  ctx.boxes.closeBox(session.sessionId, last.batchId);
  // A PKID that took a serial scanned before it: the serial was its own read, so it waits again.
  const serialWaits = last.pkid !== null && last.serial !== null && last.source !== 'import';
  if (serialWaits) ctx.boxes.holdSerial(session.sessionId, last.batchId, { serial: last.serial ?? '', manufacturer: last.manufacturer, model: last.model }, ctx.now());
  const what = last.pkid ? `PKID ${last.pkid}` : `serial ${last.serial ?? ''}`;
  const waits = serialWaits ? ` Serial ${last.serial ?? ''} waits for its PKID again.` : '';
  return { undid: 'box', removed, box: null, waitingSerial: serialWaits ? last.serial : null, message: `Removed ${what} (scanned ${when(last.scannedAt)}).${waits}`, count: countLiveDevices(tx, last.batchId) };
}

export function undoLastRead(ctx: HandlerContext, batchId: number): Result<UndoResult> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  return ctx.write(['devices'], (tx) => {
    const batch = findBatch(tx, batchId);
    if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    if (batch.state !== 'open') return failSaying('INVALID_STATE', 'scan.undoBatchClosed', { batch: batch.name }, `Batch ${batch.name} is closed; a lead can remove lines in review.`);
    // A serial waiting for its PKID is the newest read: nothing was stored for it yet.
    const waiting = ctx.boxes.takeWaitingSerial(session.sessionId, batchId);
    if (waiting) {
      ctx.audit(tx, { action: UNDO, objectType: 'batch', objectId: batchId, detail: { undid: 'waiting-serial', serial: waiting.serial } });
      return ok({ undid: 'waiting-serial', removed: null, box: null, waitingSerial: null, message: `Dropped serial ${waiting.serial}: it was waiting for its PKID.`, count: countLiveDevices(tx, batchId) } satisfies UndoResult);
    }
    const last = lastLiveDeviceOf(tx, batchId, session.operatorId);
    if (!last || last.state !== 'scanned' || last.source === 'import') {
      return ok({ undid: null, removed: null, box: null, waitingSerial: null, message: 'Nothing of yours to undo in this batch.', count: countLiveDevices(tx, batchId) } satisfies UndoResult);
    }
    return ok(last.serial !== null && last.pkid !== null && serialCameLast(tx, last.id) ? undoSerial(ctx, tx, session, last) : undoBox(ctx, tx, session, last));
  });
}
