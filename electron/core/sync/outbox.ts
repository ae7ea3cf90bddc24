// Approval hands a batch to the outbox: its devices are split into chunks (Partner Center accepts at
// most 500 per request, and the station's setting may ask for fewer) in the same transaction as the
// approval, so an approved batch is never without its upload rows.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { devices } from '../../../db/schema';
import type { StationTx } from '../../../db/types';
import { insertChunk, nextSeq } from '../../../db/repos/uploads';

export const MAX_CHUNK = 500;

/** Queues the batch's devices that are not yet registered or queued; returns the chunks made. */
export function queueUploadChunks(tx: StationTx, batchId: number, chunkSize: number, at: number, deviceIds?: readonly number[]): number {
  const size = Math.max(1, Math.min(MAX_CHUNK, chunkSize));
  const conditions = [eq(devices.batchId, batchId), isNull(devices.removedAt), inArray(devices.state, deviceIds ? ['failed', 'scanned'] : ['scanned'])];
  if (deviceIds) conditions.push(inArray(devices.id, [...deviceIds]));
  const ids = tx.select({ id: devices.id }).from(devices).where(and(...conditions)).orderBy(asc(devices.id)).all().map((r) => r.id);
  let seq = nextSeq(tx, batchId);
  let chunks = 0;
  for (let i = 0; i < ids.length; i += size) {
    const chunk = insertChunk(tx, batchId, seq++, at);
    tx.update(devices)
      .set({ uploadId: chunk.id, state: 'queued', errorCode: null, errorText: null })
      .where(inArray(devices.id, ids.slice(i, i + size)))
      .run();
    chunks++;
  }
  return chunks;
}
