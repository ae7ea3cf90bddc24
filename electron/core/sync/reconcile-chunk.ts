// A chunk left `sending` (a crash, or a send whose answer never came) may or may not have reached
// Partner Center. Before anything is sent again, the remote batch's devices (all pages) are read:
// what is already there is recorded as registered, and only the rest is sent again, with the same
// request id and the same call, so a service that honours MS-RequestId replays its first answer.
import { findBatch, updateBatch } from '../../../db/repos/batches';
import { chunkDevices, updateChunk, type UploadRow } from '../../../db/repos/uploads';
import { markRegistered } from './apply-results';
import { matchRemote } from './device-match';
import { failureResult, sendChunk } from './send-chunk';
import { settleBatch } from './settle';
import { remoteBatchName, remoteSpelling } from './remote-name';
import { auditSync, backoffMs, tx, type StepResult, type SyncContext } from './sync-context';

export async function reconcileChunk(ctx: SyncContext, chunk: UploadRow): Promise<StepResult> {
  const batch = findBatch(ctx.db, chunk.batchId);
  if (!batch?.customerTenantId) return { kind: 'refused', message: `Batch ${chunk.batchId} has no customer.` };
  const customerId = batch.customerTenantId;
  const batches = await ctx.client.deviceBatches.list(customerId);
  if (!batches.ok) return postpone(ctx, chunk, batches.error);
  const spelled = remoteSpelling(batches.value.items.map((b) => b.id), remoteBatchName(batch));
  let found = 0;
  if (spelled !== undefined) {
    if (spelled !== remoteBatchName(batch)) tx(ctx, (t) => updateBatch(t, batch.id, { remoteName: spelled }));
    const remote = await ctx.client.deviceBatches.listDevices(customerId, spelled);
    if (!remote.ok) return postpone(ctx, chunk, remote.error);
    tx(ctx, (t) => {
      const list = chunkDevices(t, chunk.id);
      const matched = matchRemote(list, remote.value.items);
      for (const device of list) {
        const match = matched.get(device);
        if (device.state !== 'registered' && match) {
          markRegistered(t, device.id, match.id);
          found++;
        }
      }
      auditSync(ctx, t, { action: 'uploads:reconciled', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, alreadyRegistered: found, requestId: chunk.requestId } });
    });
  }
  const left = chunkDevices(ctx.db, chunk.id).filter((d) => d.state !== 'registered');
  if (left.length === 0) {
    tx(ctx, (t) => {
      updateChunk(t, chunk.id, { state: 'done', updatedAt: ctx.now() });
      settleBatch(t, chunk.batchId, ctx.now());
    });
    return { kind: 'progress' };
  }
  return sendChunk(ctx, { ...chunk, state: 'sending' });
}

function postpone(ctx: SyncContext, chunk: UploadRow, error: Parameters<typeof failureResult>[0]): StepResult {
  tx(ctx, (t) => updateChunk(t, chunk.id, { nextAttemptAt: ctx.now() + Math.max(backoffMs(ctx.options, chunk.attempts), error.retryAfterMs ?? 0), updatedAt: ctx.now() }));
  return failureResult(error);
}
