// scans:record. The renderer classified the read already for an instant hint; the core classifies
// again because it is the authority. Duplicate checks and the write share one IMMEDIATE transaction,
// and the unique index on live PKIDs backs them up against any other writer.
import { classifyRead, displayRaw, type ClassifiedRead } from '../../../shared/domain/barcode';
import { fail, ok, type Result } from '../../../shared/contract';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { countLiveDevices, findBatch } from '../../../db/repos/batches';
import { deviceView, findLiveByPkid, findLiveBySerial, insertDevice, updateDevice } from '../../../db/repos/devices';
import { findRemoteByPkid } from '../../../db/repos/remote-inventory';
import { findCustomer } from '../../../db/repos/customers';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { Session } from '../sessions';
import { confirmMessage, duplicateMessage, gtinMessage } from './messages';
import { isUniqueViolation } from '../../../db/sqlite-errors';

export interface ScanInput {
  batchId: number;
  raw: string;
  source: 'wedge' | 'camera';
  symbology?: ClassifiedRead['symbology'];
  confirmPkid?: boolean;
}


function refusal(ctx: HandlerContext, tx: StationTx, batchId: number, read: ClassifiedRead, message: string): ScanVerdict {
  ctx.audit(tx, { action: 'scans:record', result: 'denied', objectType: 'batch', objectId: batchId, detail: { kind: read.kind, raw: displayRaw(read.raw), message } });
  return { verdict: 'invalid', message, raw: displayRaw(read.raw), count: countLiveDevices(tx, batchId) };
}

function recordPkid(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, pkid: string): ScanVerdict {
  const { batchId } = input;
  const existing = findLiveByPkid(tx, pkid);
  if (existing) {
    const message = duplicateMessage(`PKID ${pkid}`, existing, batchId);
    ctx.audit(tx, { action: 'scans:record', result: 'denied', objectType: 'device', objectId: existing.device.id, detail: { pkid, duplicateOf: existing.device.id } });
    const scope = existing.device.state === 'registered' ? 'registered' : existing.device.batchId === batchId ? 'this-batch' : 'other-batch';
    return {
      verdict: 'duplicate',
      message,
      value: pkid,
      where: { scope, batchId: existing.device.batchId, batchName: existing.batchName, scannedBy: existing.device.scannedBy, scannedAt: existing.device.scannedAt },
      count: countLiveDevices(tx, batchId),
    };
  }
  const remote = findRemoteByPkid(tx, pkid);
  if (remote) {
    const customer = findCustomer(tx, remote.customerTenantId)?.companyName ?? remote.customerTenantId;
    const message = `PKID ${pkid} is already registered in Partner Center for ${customer} (batch ${remote.remoteBatchId}).`;
    ctx.audit(tx, { action: 'scans:record', result: 'denied', objectType: 'batch', objectId: batchId, detail: { pkid, registeredRemotely: remote } });
    return {
      verdict: 'duplicate',
      message,
      value: pkid,
      where: { scope: 'registered', batchId, batchName: remote.remoteBatchId, scannedBy: 'Partner Center', scannedAt: remote.refreshedAt },
      count: countLiveDevices(tx, batchId),
    };
  }
  const waiting = ctx.boxes.peekWaitingSerial(session.sessionId, batchId);
  const serialFree = waiting && !findLiveBySerial(tx, waiting.serial);
  const row = insertDevice(tx, {
    batchId,
    pkid,
    serial: serialFree ? waiting.serial : null,
    manufacturer: serialFree ? waiting.manufacturer : null,
    model: serialFree ? waiting.model : null,
    raw: input.raw,
    source: input.source,
    scannedBy: session.operatorId,
    scannedAt: ctx.now(),
  });
  ctx.audit(tx, { action: 'scans:record', objectType: 'device', objectId: row.id, detail: { pkid, serial: row.serial, source: input.source } });
  const device = deviceView(tx, row.id) ?? null;
  const withSerial = row.serial ? ` with serial ${row.serial}` : '';
  return { verdict: 'accepted', effect: 'new-box', message: `PKID ${pkid} accepted${withSerial}.`, device, count: countLiveDevices(tx, batchId) };
}

function recordSerial(ctx: HandlerContext, tx: StationTx, session: Session, input: ScanInput, read: Extract<ClassifiedRead, { kind: 'serial' }>): ScanVerdict {
  const { batchId } = input;
  const existing = findLiveBySerial(tx, read.value);
  if (existing && (existing.device.manufacturer === null || read.manufacturer === undefined || existing.device.manufacturer === read.manufacturer)) {
    const message = duplicateMessage(`Serial ${read.value}`, existing, batchId);
    ctx.audit(tx, { action: 'scans:record', result: 'denied', objectType: 'device', objectId: existing.device.id, detail: { serial: read.value, duplicateOf: existing.device.id } });
    const scope = existing.device.state === 'registered' ? 'registered' : existing.device.batchId === batchId ? 'this-batch' : 'other-batch';
    return {
      verdict: 'duplicate',
      message,
      value: read.value,
      where: { scope, batchId: existing.device.batchId, batchName: existing.batchName, scannedBy: existing.device.scannedBy, scannedAt: existing.device.scannedAt },
      count: countLiveDevices(tx, batchId),
    };
  }
  const serial = { serial: read.value, manufacturer: read.manufacturer ?? null, model: read.model ?? null };
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
      const batch = findBatch(tx, input.batchId);
      if (!batch) return fail('NOT_FOUND', `There is no batch with id ${input.batchId}.`);
      if (batch.state !== 'open') return fail('INVALID_STATE', `Batch ${batch.name} is closed for scanning. Resume or start an open batch.`);
      switch (read.kind) {
        case 'pkid':
          return ok(recordPkid(ctx, tx, session, input, read.value));
        case 'pkid-unconfirmed':
          return ok(input.confirmPkid ? recordPkid(ctx, tx, session, input, read.value) : { verdict: 'confirm', message: confirmMessage(read.value), value: read.value, count: countLiveDevices(tx, batch.id) });
        case 'serial':
          return ok(recordSerial(ctx, tx, session, input, read));
        case 'gtin':
          return ok(refusal(ctx, tx, batch.id, read, gtinMessage(read.value, read.format)));
        case 'unknown':
        case 'invalid':
          return ok(refusal(ctx, tx, batch.id, read, read.reason));
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
