// "Retry failed devices": a batch's refused devices (all, or the chosen ones) go back to the outbox in
// new chunks, in one audited transaction; the engine sends them on its next step.
import { failSaying, ok, type Result } from '../../../shared/contract';
import { findBatch } from '../../../db/repos/batches';
import { failedDeviceIds } from '../../../db/repos/devices';
import type { HandlerContext } from '../context';
import { readSetting } from '../settings';
import { devicesWithoutIdentity, missingIdentityMessage } from './identity-gate';
import { queueUploadChunks } from './outbox';
import { settleBatch } from './settle';

const RETRYABLE_STATES = ['approved', 'uploading', 'registered', 'needs_attention'];

export function retryFailedDevices(ctx: HandlerContext, batchId: number, deviceIds?: readonly number[]): Result<{ queued: number; chunks: number }> {
  return ctx.write(['uploads', 'devices', 'batches'], (tx) => {
    const batch = findBatch(tx, batchId);
    if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    if (!RETRYABLE_STATES.includes(batch.state)) return failSaying('INVALID_STATE', 'upload.notUploaded', { batch: batch.name }, `Batch ${batch.name} has not been uploaded; approve it first.`);
    const failed = failedDeviceIds(tx, batchId, deviceIds);
    if (failed.length === 0) return failSaying('INVALID_STATE', 'upload.noFailedToRetry', {}, 'There are no failed devices to retry in this batch.');
    // A line edited since approval may have lost its identity: it would only fail again (803).
    const noIdentity = devicesWithoutIdentity(tx, batchId).filter((d) => failed.includes(d.deviceId));
    const identityProblem = missingIdentityMessage(batch.name, noIdentity);
    if (identityProblem) return failSaying('INVALID_STATE', 'identity.missingToRetry', { batch: batch.name, count: noIdentity.length }, identityProblem, { rule: 'identity', devices: noIdentity.length });
    const chunks = queueUploadChunks(tx, batchId, readSetting(tx, 'uploads.chunkSize') ?? 500, ctx.now(), failed);
    settleBatch(tx, batchId, ctx.now());
    ctx.audit(tx, { action: 'uploads:retryFailed', objectType: 'batch', objectId: batchId, detail: { devices: failed.length, chunks } });
    return ok({ queued: failed.length, chunks });
  });
}
