// An accepted chunk: poll its job with growing waits (never a tight loop) until it finishes, then
// record every device's answer and settle the batch.
import { findBatch } from '../../../db/repos/batches';
import { chunkDevices, updateChunk, type UploadRow } from '../../../db/repos/uploads';
import { applyJobResults, markFailed, markRegistered } from './apply-results';
import { matchRemote } from './device-match';
import { failureResult } from './send-chunk';
import { settleBatch } from './settle';
import { remoteBatchName } from './remote-name';
import { auditSync, backoffMs, pollDelayMs, tx, type StepResult, type SyncContext } from './sync-context';

export async function pollChunk(ctx: SyncContext, chunk: UploadRow): Promise<StepResult> {
  const batch = findBatch(ctx.db, chunk.batchId);
  if (!batch?.customerTenantId) return { kind: 'refused', message: `Batch ${chunk.batchId} has no customer.` };
  if (chunk.trackingId === null) return watchDeviceList(ctx, chunk, batch.id, batch.customerTenantId, remoteBatchName(batch));
  const status = await ctx.client.jobs.status(batch.customerTenantId, chunk.trackingId);
  if (!status.ok) {
    if (status.error.kind === 'not-found') {
      // The job is unknown to the service: find out from the device list what happened.
      tx(ctx, (t) => updateChunk(t, chunk.id, { state: 'sending', nextAttemptAt: ctx.now(), updatedAt: ctx.now() }));
      return { kind: 'progress' };
    }
    tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + Math.max(backoffMs(ctx.options, chunk.attempts), status.error.retryAfterMs ?? 0), attempts: chunk.attempts + 1, updatedAt: ctx.now() }));
    return failureResult(status.error);
  }
  if (!status.value.done) {
    tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + pollDelayMs(ctx.options, chunk.attempts), attempts: chunk.attempts + 1, updatedAt: ctx.now() }));
    return { kind: 'waiting' };
  }
  tx(ctx, (t) => {
    const counts = applyJobResults(t, chunkDevices(t, chunk.id), status.value.devices);
    updateChunk(t, chunk.id, { state: 'done', updatedAt: ctx.now() });
    auditSync(ctx, t, { action: 'uploads:finished', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, trackingId: chunk.trackingId, ...counts } });
    settleBatch(t, batch.id, ctx.now());
  });
  return { kind: 'progress' };
}

/**
 * Accepted without a status link (neither header nor body named one): the batch's device list is the
 * only way to learn the outcome. Devices that appear are registered; after slowJobMs the rest are
 * reported as not confirmed, for a lead to retry.
 */
async function watchDeviceList(ctx: SyncContext, chunk: UploadRow, batchId: number, customerId: string, batchName: string): Promise<StepResult> {
  const remote = await ctx.client.deviceBatches.listDevices(customerId, batchName);
  if (!remote.ok) {
    tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + backoffMs(ctx.options, chunk.attempts), attempts: chunk.attempts + 1, updatedAt: ctx.now() }));
    return failureResult(remote.error);
  }
  const givenUp = ctx.now() - chunk.updatedAt > ctx.options.slowJobMs;
  return tx(ctx, (t): StepResult => {
    let left = 0;
    const list = chunkDevices(t, chunk.id);
    // Registered devices take part so they claim their own records first.
    const matched = matchRemote(list, remote.value.items);
    for (const device of list) {
      if (device.state === 'registered') continue;
      const match = matched.get(device);
      if (match) markRegistered(t, device.id, match.id);
      else if (givenUp) markFailed(t, device.id, 'not-confirmed', 'Partner Center accepted the upload but never listed this device. Retry it.');
      else left++;
    }
    if (left > 0) {
      updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + pollDelayMs(ctx.options, chunk.attempts), attempts: chunk.attempts + 1 });
      return { kind: 'waiting' };
    }
    updateChunk(t, chunk.id, { state: 'done', updatedAt: ctx.now() });
    settleBatch(t, batchId, ctx.now());
    return { kind: 'progress' };
  });
}
