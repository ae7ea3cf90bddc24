// An accepted chunk: poll its job with growing waits (never a tight loop) until it finishes, then
// record every device's answer and settle the batch.
import { findBatch, type BatchRow } from '../../../db/repos/batches';
import { chunkDevices, updateChunk, type UploadRow } from '../../../db/repos/uploads';
import { applyJobResults, markFailed, markRegistered } from './apply-results';
import { matchRemote } from './device-match';
import { failureResult } from './send-chunk';
import { settleBatch } from './settle';
import { remoteBatchName } from './remote-name';
import { identifyRegistered } from './identify-registered';
import { auditSync, backoffMs, pollDelayMs, slowPollDelayMs, STEADY_POLLS, tx, type StepResult, type SyncContext } from './sync-context';

export async function pollChunk(ctx: SyncContext, chunk: UploadRow): Promise<StepResult> {
  const batch = findBatch(ctx.db, chunk.batchId);
  if (!batch?.customerTenantId) return { kind: 'refused', message: `Batch ${chunk.batchId} has no customer.` };
  if (chunk.trackingId === null) return watchDeviceList(ctx, chunk, batch.id, batch.customerTenantId, remoteBatchName(batch));
  const acceptedAt = chunk.acceptedAt ?? chunk.createdAt;
  const deferredTo = chunk.attempts === 0 ? (ctx.pace?.firstPollDeferredTo(ctx.now() - acceptedAt, pollDelayMs(ctx.options, 0)) ?? null) : null;
  if (deferredTo !== null) {
    // A job accepted alongside this one is still running at this age: asking now would be wasted.
    tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: acceptedAt + deferredTo }));
    return { kind: 'waiting' };
  }
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
    const age = ctx.now() - acceptedAt;
    if (age >= ctx.options.slowJobMs) return slowJob(ctx, chunk, batch, batch.customerTenantId, age);
    ctx.pace?.running(age);
    tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + pollDelayMs(ctx.options, chunk.attempts), attempts: chunk.attempts + 1, updatedAt: ctx.now() }));
    return { kind: 'waiting' };
  }
  const age = ctx.now() - acceptedAt;
  // A slow job says nothing about the next one's run time.
  if (age < ctx.options.slowJobMs) ctx.pace?.finished(age, chunk.attempts > 0 ? chunk.updatedAt - acceptedAt : null);
  tx(ctx, (t) => {
    const counts = applyJobResults(t, chunkDevices(t, chunk.id), status.value.devices);
    updateChunk(t, chunk.id, { state: 'done', updatedAt: ctx.now() });
    auditSync(ctx, t, { action: 'uploads:finished', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, trackingId: chunk.trackingId, ...counts } });
    settleBatch(t, batch.id, ctx.now());
  });
  await identifyRegistered(ctx, batch, batch.customerTenantId);
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
  // No job to ask: three slow-job spans (30 min by default) without the devices appearing is giving up.
  const givenUp = ctx.now() - (chunk.acceptedAt ?? chunk.updatedAt) > 3 * ctx.options.slowJobMs;
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

const SLOW = 'slow:';

/** One line for the status bar and the log about a job that has run long. */
export function slowJobMessage(batchName: string, ageMs: number, confirmed: number, left: number, nextMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  const next = nextMs >= 60_000 ? `${Math.round(nextMs / 60_000)} min` : `${Math.max(1, Math.round(nextMs / 1000))} s`;
  const found = confirmed > 0 ? ` ${confirmed} of its devices already appear in the batch's device list and are counted as registered;` : '';
  return `Slow: Partner Center has been processing batch ${batchName} for ${minutes} min.${found} ${left} still wait for an answer. The station checks again in ${next} (and the batch's device list each time); nothing needs to be sent again.`;
}

/**
 * A job still processing long after its 202: reported as slow (once in the audit, every time in the
 * status), polled with a growing wait, and reconciled against the batch's device list, so devices
 * Partner Center already holds are registered even if the job never says it finished.
 */
async function slowJob(ctx: SyncContext, chunk: UploadRow, batch: BatchRow, customerId: string, age: number): Promise<StepResult> {
  const slowPolls = Math.max(0, chunk.attempts - STEADY_POLLS);
  const nextMs = slowPollDelayMs(ctx.options, slowPolls);
  const remote = await ctx.client.deviceBatches.listDevices(customerId, remoteBatchName(batch));
  return tx(ctx, (t): StepResult => {
    let confirmed = 0;
    let left = 0;
    const list = chunkDevices(t, chunk.id);
    if (remote.ok) {
      const matched = matchRemote(list, remote.value.items);
      for (const device of list) {
        if (device.state === 'registered') continue;
        const match = matched.get(device);
        if (match) {
          markRegistered(t, device.id, match.id);
          confirmed++;
        } else left++;
      }
    } else left = list.filter((d) => d.state !== 'registered').length;
    const firstTime = !(chunk.lastError ?? '').startsWith(SLOW);
    if (firstTime || confirmed > 0) {
      auditSync(ctx, t, { action: firstTime ? 'uploads:slow' : 'uploads:reconciled', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, trackingId: chunk.trackingId, minutes: Math.floor(age / 60_000), confirmed, left } });
    }
    if (left === 0) {
      updateChunk(t, chunk.id, { state: 'done', lastError: null, updatedAt: ctx.now() });
      settleBatch(t, batch.id, ctx.now());
      return { kind: 'progress' };
    }
    const message = slowJobMessage(batch.name, age, list.length - left, left, nextMs);
    updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + nextMs, attempts: chunk.attempts + 1, lastError: `${SLOW} ${message}`, updatedAt: ctx.now() });
    return { kind: 'slow', message };
  });
}
