import { fail, ok } from '../../../shared/contract';
import type { syncChannels } from '../../../shared/contract/sync';
import { batchNameKey } from '../../../shared/domain/batch';
import { findBatch, findBatchByNameKey, insertBatch, updateBatch } from '../../../db/repos/batches';
import { failedDeviceIds, insertDevice, liveDevicesInState, MOVED_REASON_PREFIX, updateDevice } from '../../../db/repos/devices';
import { batchChangers, MOVED_IN } from '../approval/batch-changers';
import type { Handlers } from '../dispatcher';
import type { SyncEngine } from '../sync/engine';
import { queueUploadChunks } from '../sync/outbox';
import { devicesWithoutIdentity, missingIdentityMessage } from '../sync/identity-gate';
import { settleBatch } from '../sync/settle';
import { readSetting } from '../settings';

const RETRYABLE_STATES = ['approved', 'uploading', 'registered', 'needs_attention'];

export function syncHandlers(engine: SyncEngine): Pick<Handlers, keyof typeof syncChannels> {
  return {
    'sync:status': () => ok(engine.getStatus()),

    'sync:now': () => {
      engine.kick();
      return ok(engine.getStatus());
    },

    'uploads:retryFailed': ({ batchId, deviceIds }, ctx) => {
      const result = ctx.write(['uploads', 'devices', 'batches'], (tx) => {
        const batch = findBatch(tx, batchId);
        if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
        if (!RETRYABLE_STATES.includes(batch.state)) return fail('INVALID_STATE', `Batch ${batch.name} has not been uploaded; approve it first.`);
        const failed = failedDeviceIds(tx, batchId, deviceIds);
        if (failed.length === 0) return fail('INVALID_STATE', 'There are no failed devices to retry in this batch.');
        // A line edited since approval may have lost its identity: it would only fail again (803).
        const noIdentity = devicesWithoutIdentity(tx, batchId).filter((d) => failed.includes(d.deviceId));
        const identityProblem = missingIdentityMessage(batch.name, noIdentity);
        if (identityProblem) return fail('INVALID_STATE', identityProblem, { rule: 'identity', devices: noIdentity.length });
        const chunks = queueUploadChunks(tx, batchId, readSetting(tx, 'uploads.chunkSize') ?? 500, ctx.now(), failed);
        settleBatch(tx, batchId, ctx.now());
        ctx.audit(tx, { action: 'uploads:retryFailed', objectType: 'batch', objectId: batchId, detail: { devices: failed.length, chunks } });
        return ok({ queued: failed.length, chunks });
      });
      if (result.ok) engine.kick();
      return result;
    },

    'uploads:moveFailed': ({ batchId, newBatchName }, ctx) => {
      const session = ctx.session;
      if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
      return ctx.write(['devices', 'batches'], (tx) => {
        const batch = findBatch(tx, batchId);
        if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
        if (findBatchByNameKey(tx, batchNameKey(newBatchName))) return fail('CONFLICT', `A batch called "${newBatchName}" already exists.`);
        const failed = liveDevicesInState(tx, batchId, 'failed');
        if (failed.length === 0) return fail('INVALID_STATE', 'There are no failed devices to move in this batch.');
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
    },
  };
}
