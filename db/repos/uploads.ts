// The outbox: one row per chunk of a batch sent to Partner Center, and the devices it carries.
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { devices, uploads } from '../schema';
import type { Queryable } from '../types';

export type UploadRow = typeof uploads.$inferSelect;
export type ChunkDevice = typeof devices.$inferSelect;

/** A batch's live devices that may join the outbox: scanned ones, or (a retry) these failed or scanned ones; in id order. */
export function queueableDeviceIds(db: Queryable, batchId: number, deviceIds?: readonly number[]): number[] {
  const conditions = [eq(devices.batchId, batchId), isNull(devices.removedAt), inArray(devices.state, deviceIds ? ['failed', 'scanned'] : ['scanned'])];
  if (deviceIds) conditions.push(inArray(devices.id, [...deviceIds]));
  return db.select({ id: devices.id }).from(devices).where(and(...conditions)).orderBy(asc(devices.id)).all().map((r) => r.id);
}

/** Hands these devices to a chunk: queued, with last attempt's error cleared. */
export function queueDevicesInChunk(db: Queryable, uploadId: number, deviceIds: readonly number[]): void {
  db.update(devices).set({ uploadId, state: 'queued', errorCode: null, errorText: null }).where(inArray(devices.id, [...deviceIds])).run();
}

/** Sets the state of every device a chunk carries (removed ones too: they keep the chunk's story). */
export function setChunkDevicesState(db: Queryable, uploadId: number, state: 'queued' | 'sending'): void {
  db.update(devices).set({ state }).where(eq(devices.uploadId, uploadId)).run();
}

/** A chunk Partner Center refused as a bad request: every device it carries fails with the answer. */
export function failChunkDevices(db: Queryable, uploadId: number, code: string, text: string): void {
  db.update(devices).set({ state: 'failed', errorCode: code, errorText: text }).where(eq(devices.uploadId, uploadId)).run();
}

/** The devices going out in a request right now. */
export function markDevicesSending(db: Queryable, deviceIds: readonly number[]): void {
  db.update(devices).set({ state: 'sending' }).where(inArray(devices.id, [...deviceIds])).run();
}

/** How many of a batch's chunks are still on their way (pending, sending, or accepted and polled). */
export function chunksOnTheirWay(db: Queryable, batchId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(uploads).where(and(eq(uploads.batchId, batchId), inArray(uploads.state, ['pending', 'sending', 'accepted']))).get()?.n ?? 0;
}

export function insertChunk(db: Queryable, batchId: number, seq: number, at: number): UploadRow {
  return db.insert(uploads).values({ batchId, seq, state: 'pending', createdAt: at, updatedAt: at, nextAttemptAt: at }).returning().get();
}

export function nextSeq(db: Queryable, batchId: number): number {
  return (db.select({ n: sql<number>`coalesce(max(${uploads.seq}), -1)` }).from(uploads).where(eq(uploads.batchId, batchId)).get()?.n ?? -1) + 1;
}

export function updateChunk(db: Queryable, id: number, values: Partial<Omit<UploadRow, 'id'>>): void {
  db.update(uploads).set(values).where(eq(uploads.id, id)).run();
}

export function findChunk(db: Queryable, id: number): UploadRow | undefined {
  return db.select().from(uploads).where(eq(uploads.id, id)).get();
}

const onItsWay = (skip: readonly number[]) =>
  and(inArray(uploads.state, ['pending', 'sending', 'accepted']), skip.length > 0 ? notInArray(uploads.id, [...skip]) : undefined);

/**
 * The next chunk the engine should act on: oldest due first, so batches go out in approval order.
 * `skip` leaves out chunks the engine already has a request in flight for.
 */
export function nextDueChunk(db: Queryable, now: number, skip: readonly number[] = []): UploadRow | undefined {
  return db
    .select()
    .from(uploads)
    .where(and(onItsWay(skip), or(isNull(uploads.nextAttemptAt), lte(uploads.nextAttemptAt, now))))
    .orderBy(asc(uploads.id))
    .limit(1)
    .get();
}

export function earliestPendingAt(db: Queryable, skip: readonly number[] = []): number | null {
  return db.select({ at: sql<number | null>`min(${uploads.nextAttemptAt})` }).from(uploads).where(onItsWay(skip)).get()?.at ?? null;
}

export function batchChunks(db: Queryable, batchId: number): UploadRow[] {
  return db.select().from(uploads).where(eq(uploads.batchId, batchId)).orderBy(asc(uploads.seq)).all();
}

export function chunkDevices(db: Queryable, uploadId: number): ChunkDevice[] {
  return db.select().from(devices).where(and(eq(devices.uploadId, uploadId), isNull(devices.removedAt))).orderBy(asc(devices.id)).all();
}

export function waitingDeviceCount(db: Queryable): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(devices)
      .where(and(inArray(devices.state, ['queued', 'sending']), isNull(devices.removedAt)))
      .get()?.n ?? 0
  );
}

/** Devices of a batch handed to the outbox, and how many of them have an answer. */
export function batchUploadProgress(db: Queryable, batchId: number): { done: number; total: number } {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      done: sql<number>`coalesce(sum(${devices.state} in ('registered', 'failed')), 0)`,
    })
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), sql`${devices.uploadId} is not null`))
    .get();
  return { done: row?.done ?? 0, total: row?.total ?? 0 };
}

export function attentionDeviceCount(db: Queryable): number {
  return db.select({ n: sql<number>`count(*)` }).from(devices).where(and(eq(devices.state, 'failed'), isNull(devices.removedAt))).get()?.n ?? 0;
}

/** The batch of the oldest chunk still on its way, for the status bar's progress. */
export function activeBatchId(db: Queryable): number | null {
  return db.select({ batchId: uploads.batchId }).from(uploads).where(inArray(uploads.state, ['pending', 'sending', 'accepted'])).orderBy(asc(uploads.id)).limit(1).get()?.batchId ?? null;
}

/** Whether anything on its way has failed an attempt (as opposed to Partner Center still processing it). */
export function anyRetrying(db: Queryable): boolean {
  return (
    db.select({ n: sql<number>`count(*)` }).from(uploads).where(and(inArray(uploads.state, ['pending', 'sending']), sql`${uploads.attempts} > 0`)).get()?.n ?? 0
  ) > 0;
}

/**
 * A batch's live devices not yet registered, with the fields that decide what each is sent as; of the
 * hash only its length (a stored hash is compacted base64), so approving 100,000 hashed devices does not
 * read hundreds of MB of hashes only to count the ones without an identity.
 */
export function unsentIdentityFacts(db: Queryable, batchId: number): (Pick<ChunkDevice, 'id' | 'pkid' | 'serial' | 'manufacturer' | 'model'> & { hardwareHashLength: number | null })[] {
  return db
    .select({ id: devices.id, pkid: devices.pkid, serial: devices.serial, manufacturer: devices.manufacturer, model: devices.model, hardwareHashLength: sql<number | null>`octet_length(${devices.hardwareHash})` })
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), sql`${devices.state} <> 'registered'`))
    .orderBy(asc(devices.id))
    .all();
}

/** The note of the oldest chunk a slow job is holding up (poll-chunk writes it as `slow: ...`), or null. */
export function slowChunkNote(db: Queryable): string | null {
  const row = db
    .select({ note: uploads.lastError })
    .from(uploads)
    .where(and(eq(uploads.state, 'accepted'), sql`${uploads.lastError} like 'slow:%'`))
    .orderBy(asc(uploads.id))
    .limit(1)
    .get();
  return row?.note ? row.note.replace(/^slow:\s*/, '') : null;
}
