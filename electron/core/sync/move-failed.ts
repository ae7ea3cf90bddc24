// "Move failed to a new batch": a batch's refused devices continue as unsent lines of a new batch for
// the same customer, so the first batch can settle while the boxes are dealt with.
import { failSaying, ok, type Result } from '../../../shared/contract';
import { batchNameKey } from '../../../shared/domain/batch';
import { findBatch, findBatchByNameKey, insertBatch, updateBatch } from '../../../db/repos/batches';
import { insertDevice, liveDevicesInState, MOVED_REASON_PREFIX, updateDevice } from '../../../db/repos/devices';
import { batchChangers, MOVED_IN } from '../approval/batch-changers';
import type { HandlerContext } from '../context';
import { settleBatch } from './settle';

export function moveFailedDevices(ctx: HandlerContext, batchId: number, newBatchName: string): Result<{ batchId: number; moved: number }> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  return ctx.write(['devices', 'batches'], (tx) => {
    const batch = findBatch(tx, batchId);
    if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    if (findBatchByNameKey(tx, batchNameKey(newBatchName))) return failSaying('CONFLICT', 'batch.nameTaken', { batch: newBatchName }, `A batch called "${newBatchName}" already exists.`);
    const failed = liveDevicesInState(tx, batchId, 'failed');
    if (failed.length === 0) return failSaying('INVALID_STATE', 'upload.noFailedToMove', {}, 'There are no failed devices to move in this batch.');
    // Who changed these devices stays on record in the new batch: the two-person rule follows them.
    const changedBy = batchChangers(tx, batchId, true).map((c) => c.operatorId);
    const target = insertBatch(tx, { name: newBatchName, nameKey: batchNameKey(newBatchName), createdBy: session.operatorId, at: ctx.now() });
    // The devices were meant for this customer: the new batch keeps it, so approving needs no second guess.
    if (batch.customerTenantId) updateBatch(tx, target.id, { customerTenantId: batch.customerTenantId });
    const at = ctx.now();
    // The old row is kept (removed, with its error) so the first batch's history stays whole; the
    // box continues in the new batch as an unsent device that still says why Partner Center refused
    // it last time, until it is sent again.
    for (const d of failed) {
      updateDevice(tx, d.id, { removedAt: at, removedBy: session.operatorId, removedReason: `${MOVED_REASON_PREFIX}${newBatchName}` });
      insertDevice(tx, { batchId: target.id, pkid: d.pkid, serial: d.serial, manufacturer: d.manufacturer, model: d.model, hardwareHash: d.hardwareHash, raw: d.raw, source: d.source, scannedBy: d.scannedBy, scannedAt: d.scannedAt, errorCode: d.errorCode, errorText: d.errorText });
    }
    settleBatch(tx, batchId, at);
    ctx.audit(tx, { action: 'uploads:moveFailed', objectType: 'batch', objectId: batchId, detail: { to: newBatchName, devices: failed.length } });
    ctx.audit(tx, { action: MOVED_IN, objectType: 'batch', objectId: target.id, detail: { from: batch.name, fromBatchId: batchId, devices: failed.length, changedBy } });
    return ok({ batchId: target.id, moved: failed.length });
  });
}
