// pending -> sending -> accepted. The request id and the call chosen (create or append) are stored
// BEFORE the POST, so after a crash the same logical call can be recognised or repeated exactly.
import { randomUUID } from 'node:crypto';
import { findBatch, updateBatch, type BatchRow } from '../../../db/repos/batches';
import { batchChunks, chunkDevices, failChunkDevices, markDevicesSending, setChunkDevicesState, updateChunk, type UploadRow } from '../../../db/repos/uploads';
import type { PartnerCenterError } from '../../partner-center/client';
import { identityOf } from '../../../shared/domain/identity';
import { markFailed } from './apply-results';
import { toDeviceInput } from './device-match';
import { lookRemote } from './inventory';
import { auditSync, backoffMs, isTransient, tx, type StepResult, type SyncContext } from './sync-context';
import { settleBatch } from './settle';
import { explainPartnerRefusal } from '../refusal';
import { refusalText, type RefusalExplanation, type RefusedOperation } from '../../../shared/domain/refusals';
import { remoteBatchName, remoteSpelling } from './remote-name';

type Choice = { method: 'create' | 'append'; remoteName: string };

async function chooseMethod(ctx: SyncContext, chunk: UploadRow, customerId: string, batch: BatchRow): Promise<Choice | PartnerCenterError> {
  const chunks = batchChunks(ctx.db, chunk.batchId);
  if (chunks.some((c) => c.id !== chunk.id && (c.trackingId !== null || c.state === 'done'))) return { method: 'append', remoteName: remoteBatchName(batch) };
  // The batch's first send: look at what Partner Center already holds for the customer, flag devices
  // registered elsewhere, and append if a batch of this name exists (another station, a manual
  // upload, a crash), under Partner Center's own spelling.
  let batchIds: string[] | null = null;
  if (chunks.every((c) => c.requestId === null)) {
    const looked = await lookRemote(ctx, chunk.batchId, customerId);
    if (!looked.ok) return looked.error;
    batchIds = looked.batchIds;
  }
  if (batchIds === null) {
    const remote = await ctx.client.deviceBatches.list(customerId);
    if (!remote.ok) return remote.error;
    batchIds = remote.value.items.map((b) => b.id);
  }
  const spelled = remoteSpelling(batchIds, remoteBatchName(batch));
  if (spelled !== undefined) rememberSpelling(ctx, batch, spelled);
  return spelled !== undefined ? { method: 'append', remoteName: spelled } : { method: 'create', remoteName: remoteBatchName(batch) };
}

function rememberSpelling(ctx: SyncContext, batch: BatchRow, spelled: string): void {
  if (batch.remoteName === spelled || (batch.remoteName === null && batch.name === spelled)) return;
  tx(ctx, (t) => {
    updateBatch(t, batch.id, { remoteName: spelled });
    auditSync(ctx, t, { action: 'uploads:remoteSpelling', objectType: 'batch', objectId: batch.id, detail: { name: batch.name, remoteName: spelled } });
  });
}

/**
 * A 409 on create or a 404 on append: ask the batch list which is true, once, instead of switching
 * calls blindly (create 409 -> append 404 -> create ... is a tight loop the service throttles).
 * Each answer moves to a call that can succeed; when the list contradicts the answer, the chunk
 * waits (back-off) rather than trying the other call at once.
 */
async function resolveMismatch(ctx: SyncContext, chunk: UploadRow, batch: BatchRow, customerId: string, method: 'create' | 'append', sentAs: string, answer: PartnerCenterError): Promise<StepResult> {
  const listed = await ctx.client.deviceBatches.list(customerId);
  if (!listed.ok) return postponed(ctx, { ...chunk, state: 'pending' }, listed.error);
  const spelled = remoteSpelling(listed.value.items.map((b) => b.id), sentAs);
  const next = (m: 'create' | 'append') => tx(ctx, (t) => updateChunk(t, chunk.id, { state: 'pending', requestId: randomUUID(), method: m, nextAttemptAt: ctx.now(), updatedAt: ctx.now() }));
  if (method === 'create' && spelled !== undefined) {
    rememberSpelling(ctx, batch, spelled);
    next('append');
    return { kind: 'progress' };
  }
  if (method === 'append' && spelled === undefined) {
    next('create');
    return { kind: 'progress' };
  }
  if (method === 'append' && spelled !== sentAs) {
    rememberSpelling(ctx, batch, spelled ?? sentAs);
    next('append');
    return { kind: 'progress' };
  }
  const message = method === 'create'
    ? `Partner Center says batch "${sentAs}" already exists but does not list it for this customer; the upload waits and tries again later.`
    : `Partner Center lists batch "${sentAs}" but did not find it when adding devices; the upload waits and tries again later.`;
  const at = ctx.now();
  tx(ctx, (t) => {
    updateChunk(t, chunk.id, { state: 'pending', requestId: randomUUID(), method, nextAttemptAt: at + ctx.options.retryMaxMs, lastError: message, updatedAt: at });
    setChunkDevicesState(t, chunk.id, 'queued');
    auditSync(ctx, t, { action: 'uploads:batchMismatch', result: 'failed', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, method, sentAs, status: answer.status, requestId: answer.requestId } });
  });
  return { kind: 'refused', message };
}

export function failureResult(error: PartnerCenterError): StepResult {
  if (error.kind === 'auth') return { kind: 'sign-in-needed', error };
  if (error.kind === 'network' || error.kind === 'timeout') return { kind: 'offline', error };
  return { kind: 'refused', message: error.message };
}

export async function sendChunk(ctx: SyncContext, chunk: UploadRow): Promise<StepResult> {
  const batch = findBatch(ctx.db, chunk.batchId);
  const unsent = () => chunkDevices(ctx.db, chunk.id).filter((d) => d.state !== 'registered');
  if (!batch?.customerTenantId) return { kind: 'refused', message: `Batch ${chunk.batchId} has no customer; approve it for a customer first.` };
  if (unsent().length === 0) return finishEmpty(ctx, chunk);
  const customerId = batch.customerTenantId;
  // A chunk keeps the call it was first sent with: repeating it with the same request id lets the
  // service recognise the repeat; only an explicit 409/404 answer switches the call (and the id).
  let method = chunk.method;
  let remoteName = remoteBatchName(batch);
  if (method === null) {
    const chosen = await chooseMethod(ctx, chunk, customerId, batch);
    if ('kind' in chosen) return postponed(ctx, chunk, chosen, false, await refusalOf(ctx, chosen, 'read-devices', customerId));
    method = chosen.method;
    remoteName = chosen.remoteName;
  }
  // Approval refuses devices without an identity; one that got here anyway (edited after approval) is
  // failed with what is missing rather than sent as an empty record.
  const unidentified = unsent().flatMap((d) => {
    const r = identityOf(d);
    return r.ok ? [] : [{ id: d.id, problem: r.problem }];
  });
  if (unidentified.length > 0) tx(ctx, (t) => unidentified.forEach((d) => markFailed(t, d.id, 'no-identity', d.problem)));
  const refused = new Set(unidentified.map((d) => d.id));
  const list = unsent().filter((d) => !refused.has(d.id));
  if (list.length === 0) return finishEmpty(ctx, chunk);
  const requestId = chunk.requestId ?? randomUUID();
  tx(ctx, (t) => {
    updateChunk(t, chunk.id, { state: 'sending', requestId, method, attempts: chunk.attempts + 1, updatedAt: ctx.now() });
    markDevicesSending(t, list.map((d) => d.id));
    if (batch.state === 'approved') updateBatch(t, batch.id, { state: 'uploading' });
  });
  const body = list.flatMap((d) => {
    const input = toDeviceInput(d);
    return input ? [input] : [];
  });
  const result =
    method === 'create'
      ? await ctx.client.deviceBatches.create(customerId, { batchId: remoteName, devices: body }, { requestId })
      : await ctx.client.deviceBatches.append(customerId, remoteName, body, { requestId });
  if (result.ok) {
    tx(ctx, (t) => {
      updateChunk(t, chunk.id, { state: 'accepted', trackingId: result.value.trackingId, attempts: 0, nextAttemptAt: ctx.now() + (ctx.pace?.firstPollMs() ?? ctx.options.firstPollMs), lastError: null, acceptedAt: ctx.now(), updatedAt: ctx.now() });
      auditSync(ctx, t, { action: 'uploads:accepted', objectType: 'batch', objectId: batch.id, detail: { chunk: chunk.seq, devices: list.length, method, requestId, trackingId: result.value.trackingId } });
    });
    return { kind: 'progress' };
  }
  const error = result.error;
  if ((error.kind === 'conflict' && method === 'create') || (error.kind === 'not-found' && method === 'append')) {
    return resolveMismatch(ctx, chunk, batch, customerId, method, remoteName, error);
  }
  return postponed(ctx, chunk, error, true, await refusalOf(ctx, error, method === 'create' ? 'create-batch' : 'add-devices', customerId));
}

async function refusalOf(ctx: SyncContext, error: PartnerCenterError, operation: RefusedOperation, customerId: string): Promise<RefusalExplanation | undefined> {
  if (error.kind !== 'forbidden') return undefined;
  return explainPartnerRefusal(ctx.db, ctx.client, error, operation, customerId, ctx.now());
}

/**
 * A send that did not get a 202. A transient failure may still have reached the service, so the chunk
 * stays `sending` and is reconciled before anything is sent again; a definite refusal goes back to
 * `pending` (auth, forbidden) or fails the chunk's devices (bad request).
 */
function postponed(ctx: SyncContext, chunk: UploadRow, error: PartnerCenterError, sent = false, refusal?: RefusalExplanation): StepResult {
  const at = ctx.now();
  tx(ctx, (t) => {
    if (sent && isTransient(error)) {
      updateChunk(t, chunk.id, { state: 'sending', nextAttemptAt: at + Math.max(backoffMs(ctx.options, chunk.attempts), error.retryAfterMs ?? 0), updatedAt: at });
    } else if (error.kind === 'bad-request') {
      updateChunk(t, chunk.id, { state: 'failed', lastError: error.message, updatedAt: at });
      failChunkDevices(t, chunk.id, String(error.status ?? 400), error.message);
      auditSync(ctx, t, { action: 'uploads:refused', result: 'failed', objectType: 'batch', objectId: chunk.batchId, detail: { chunk: chunk.seq, error: error.message, requestId: error.requestId } });
      settleBatch(t, chunk.batchId, at);
    } else {
      const wait = error.kind === 'forbidden' ? ctx.options.retryMaxMs : Math.max(backoffMs(ctx.options, chunk.attempts), error.retryAfterMs ?? 0);
      updateChunk(t, chunk.id, { state: chunk.state === 'sending' ? 'sending' : 'pending', nextAttemptAt: at + wait, updatedAt: at });
      setChunkDevicesState(t, chunk.id, 'queued');
      if (refusal) {
        auditSync(ctx, t, { action: 'uploads:forbidden', result: 'failed', objectType: 'batch', objectId: chunk.batchId, detail: { chunk: chunk.seq, cause: refusal.cause, certain: refusal.certain, status: error.status, requestId: error.requestId } });
      }
    }
  });
  if (refusal) return { kind: 'refused', message: `${refusalText(refusal)} (MS-RequestId ${error.requestId})` };
  return failureResult(error);
}

/** Nothing left to send in this chunk (all flagged as registered already): it is done. */
function finishEmpty(ctx: SyncContext, chunk: UploadRow): StepResult {
  tx(ctx, (t) => {
    updateChunk(t, chunk.id, { state: 'done', updatedAt: ctx.now() });
    settleBatch(t, chunk.batchId, ctx.now());
  });
  return { kind: 'progress' };
}
