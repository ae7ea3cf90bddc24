// Approval hands a batch to the outbox: its devices are split into chunks (Partner Center accepts at
// most 500 per request, and the station's setting may ask for fewer) in the same transaction as the
// approval, so an approved batch is never without its upload rows.
import type { StationTx } from '../../../db/types';
import { insertChunk, nextSeq, queueableDeviceIds, queueDevicesInChunk } from '../../../db/repos/uploads';

export const MAX_CHUNK = 500;

/** Queues the batch's devices that are not yet registered or queued; returns the chunks made. */
export function queueUploadChunks(tx: StationTx, batchId: number, chunkSize: number, at: number, deviceIds?: readonly number[]): number {
  const size = Math.max(1, Math.min(MAX_CHUNK, chunkSize));
  const ids = queueableDeviceIds(tx, batchId, deviceIds);
  let seq = nextSeq(tx, batchId);
  let chunks = 0;
  for (let i = 0; i < ids.length; i += size) {
    const chunk = insertChunk(tx, batchId, seq++, at);
    queueDevicesInChunk(tx, chunk.id, ids.slice(i, i + size));
    chunks++;
  }
  return chunks;
}
