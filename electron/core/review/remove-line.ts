// Removing a line from a batch under review, and putting a removed one back, each with a reason and
// in one audited transaction. Lines change only before approval, except a device Partner Center
// refused, which may still be taken out after upload.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ReviewDevice } from '../../../shared/contract/review';
import { findDevice, findLiveByPkid, updateDevice } from '../../../db/repos/devices';
import { reviewDevice } from '../../../db/repos/review';
import { isUniqueViolation } from '../../../db/sqlite-errors';
import type { HandlerContext } from '../context';
import { when } from '../scanning/messages';
import { settleBatch } from '../sync/settle';
import { editableBatch } from './editable-batch';

export interface LineChange {
  deviceId: number;
  reason: string;
}

export function removeLine(ctx: HandlerContext, { deviceId, reason }: LineChange): Result<ReviewDevice> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  return ctx.write(['devices', 'batches'], (tx) => {
    const device = findDevice(tx, deviceId);
    if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: deviceId }, `There is no device with id ${deviceId}.`);
    // After upload, a device Partner Center refused may still be taken out of the batch (it was
    // never registered); the batch is then settled again without it.
    const failedAfterUpload = device.state === 'failed';
    if (!failedAfterUpload) {
      const batch = editableBatch(tx, device.batchId);
      if (!batch.ok) return batch;
    }
    if (device.removedAt !== null) return failSaying('INVALID_STATE', 'review.alreadyRemoved', { at: device.removedAt }, `This line was already removed (${when(device.removedAt)}).`);
    updateDevice(tx, deviceId, { removedAt: ctx.now(), removedBy: session.operatorId, removedReason: reason });
    if (failedAfterUpload) settleBatch(tx, device.batchId, ctx.now());
    ctx.audit(tx, { action: 'review:removeDevice', objectType: 'device', objectId: deviceId, detail: { batchId: device.batchId, pkid: device.pkid, serial: device.serial, reason } });
    const view = reviewDevice(tx, deviceId);
    return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
  });
}

export function restoreLine(ctx: HandlerContext, { deviceId, reason }: LineChange): Result<ReviewDevice> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  try {
    return ctx.write(['devices'], (tx) => {
      const device = findDevice(tx, deviceId);
      if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: deviceId }, `There is no device with id ${deviceId}.`);
      const batch = editableBatch(tx, device.batchId);
      if (!batch.ok) return batch;
      if (device.removedAt === null) return failSaying('INVALID_STATE', 'review.notRemoved', {}, 'This line is not removed.');
      if (device.pkid !== null) {
        const live = findLiveByPkid(tx, device.pkid);
        if (live) {
          const where = live.device.batchId === device.batchId ? 'again in this batch' : `in batch ${live.batchName}`;
          return failSaying(
            'CONFLICT',
            live.device.batchId === device.batchId ? 'review.restoreTakenHere' : 'review.restoreTakenElsewhere',
            { pkid: device.pkid, batch: live.batchName, by: live.device.scannedBy, at: live.device.scannedAt },
            `PKID ${device.pkid} cannot be restored: it is live ${where} now (scanned by ${live.device.scannedBy}, ${when(live.device.scannedAt)}). Remove that line first if this one is the right one.`,
            { deviceId: live.device.id, batchId: live.device.batchId },
          );
        }
      }
      updateDevice(tx, deviceId, { removedAt: null, removedBy: null, removedReason: null });
      ctx.audit(tx, {
        action: 'review:restoreDevice',
        objectType: 'device',
        objectId: deviceId,
        detail: { batchId: device.batchId, pkid: device.pkid, serial: device.serial, reason, removedReason: device.removedReason, removedBy: device.removedBy },
      });
      const view = reviewDevice(tx, deviceId);
      return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
    });
  } catch (err) {
    // Another writer took the PKID between the check and the update: the unique index said no.
    if (isUniqueViolation(err)) return failSaying('CONFLICT', 'review.restoreRace', {}, 'That PKID was just scanned into a batch again: it cannot be restored.');
    throw err;
  }
}
