import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { batches, devices, operators } from '../schema';
import type { Queryable } from '../types';
import type { BatchState } from '../../shared/domain/batch';
import type { BatchSummary } from '../../shared/contract/batches';

export type BatchRow = typeof batches.$inferSelect;

const creator = alias(operators, 'creator');

function summaries(db: Queryable, where: ReturnType<typeof and> | undefined): BatchSummary[] {
  return db
    .select({
      id: batches.id,
      name: batches.name,
      state: batches.state,
      deviceCount: sql<number>`(select count(*) from ${devices} where ${devices.batchId} = ${batches.id} and ${devices.removedAt} is null)`,
      createdBy: creator.name,
      createdAt: batches.createdAt,
      closedAt: batches.closedAt,
      customerTenantId: batches.customerTenantId,
    })
    .from(batches)
    .innerJoin(creator, eq(creator.id, batches.createdBy))
    .where(where)
    .orderBy(desc(batches.id))
    .all();
}

export function listBatches(db: Queryable, states?: readonly BatchState[]): BatchSummary[] {
  return summaries(db, states && states.length > 0 ? and(inArray(batches.state, [...states])) : undefined);
}

export function batchSummary(db: Queryable, id: number): BatchSummary | undefined {
  return summaries(db, and(eq(batches.id, id)))[0];
}

export function findBatch(db: Queryable, id: number): BatchRow | undefined {
  return db.select().from(batches).where(eq(batches.id, id)).get();
}

export function findBatchByNameKey(db: Queryable, key: string): BatchRow | undefined {
  return db.select().from(batches).where(eq(batches.nameKey, key)).get();
}

export function insertBatch(db: Queryable, values: { name: string; nameKey: string; createdBy: number; at: number }): BatchRow {
  return db.insert(batches).values({ name: values.name, nameKey: values.nameKey, createdBy: values.createdBy, createdAt: values.at }).returning().get();
}

export function updateBatch(db: Queryable, id: number, values: Partial<Omit<BatchRow, 'id'>>): BatchRow | undefined {
  return db.update(batches).set(values).where(eq(batches.id, id)).returning().get();
}

export function countLiveDevices(db: Queryable, batchId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(devices).where(and(eq(devices.batchId, batchId), isNull(devices.removedAt))).get()?.n ?? 0;
}

/** Live devices of a batch that Partner Center has not registered (yet). */
export function countLiveUnregistered(db: Queryable, batchId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(devices).where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), sql`${devices.state} != 'registered'`)).get()?.n ?? 0;
}

/** Moves a batch to `state` only from one of `from`, so a batch in another state is left as it is. */
export function moveBatchState(db: Queryable, id: number, state: BatchState, from: readonly BatchState[]): void {
  db.update(batches).set({ state }).where(and(eq(batches.id, id), inArray(batches.state, [...from]))).run();
}
