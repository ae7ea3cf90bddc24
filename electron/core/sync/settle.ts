// A batch is settled when none of its chunks is still on its way: registered if every live device
// is, otherwise it needs a lead's attention.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { batches, devices, uploads } from '../../../db/schema';
import type { StationTx } from '../../../db/types';

export function settleBatch(t: StationTx, batchId: number, _at: number): 'registered' | 'needs_attention' | 'uploading' {
  const active = t
    .select({ n: sql<number>`count(*)` })
    .from(uploads)
    .where(and(eq(uploads.batchId, batchId), inArray(uploads.state, ['pending', 'sending', 'accepted'])))
    .get()?.n ?? 0;
  if (active > 0) {
    t.update(batches).set({ state: 'uploading' }).where(and(eq(batches.id, batchId), inArray(batches.state, ['approved', 'needs_attention', 'registered']))).run();
    return 'uploading';
  }
  const notRegistered = t
    .select({ n: sql<number>`count(*)` })
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), sql`${devices.state} != 'registered'`))
    .get()?.n ?? 0;
  const state = notRegistered === 0 ? 'registered' : 'needs_attention';
  t.update(batches).set({ state }).where(and(eq(batches.id, batchId), inArray(batches.state, ['approved', 'uploading', 'needs_attention', 'registered']))).run();
  return state;
}
