// The station's batches for the hub's fleet-wide list, only those changed since the hub last took them
// (marked by the triggers of migration 0016), so an idle round sends none.
import { and, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { batches, devices, operators } from '../../schema';
import { fleetBatchChanges } from './schema';

export interface ChangedBatch {
  readonly batchId: number;
  /** The change this summary reflects: cleared only if no later change came while it was pushed. */
  readonly version: number;
  readonly batchName: string;
  readonly state: string;
  readonly devices: number;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** The changed batches after a batch id (name, state, live lines, who opened it and when), oldest id first. */
export function changedBatches(db: Queryable, afterId: number, limit: number): ChangedBatch[] {
  return db
    .select({
      batchId: batches.id,
      version: fleetBatchChanges.version,
      batchName: batches.name,
      state: batches.state,
      devices: sql<number>`(select count(*) from ${devices} where ${devices.batchId} = ${batches.id} and ${devices.removedAt} is null)`,
      createdBy: operators.name,
      createdAt: batches.createdAt,
    })
    .from(fleetBatchChanges)
    .innerJoin(batches, eq(batches.id, fleetBatchChanges.batchId))
    .innerJoin(operators, eq(operators.id, batches.createdBy))
    .where(gt(batches.id, afterId))
    .orderBy(batches.id)
    .limit(limit)
    .all()
    .map((b) => ({ ...b, createdAt: new Date(b.createdAt) }));
}

/** The hub took these summaries: their marks go, unless the batch changed again meanwhile. */
export function noteBatchesPushed(db: Queryable, pushed: readonly { batchId: number; version: number }[]): void {
  for (const b of pushed) db.delete(fleetBatchChanges).where(and(eq(fleetBatchChanges.batchId, b.batchId), eq(fleetBatchChanges.version, b.version))).run();
  // A mark whose batch is gone has nothing to send.
  const live = db.select({ id: batches.id }).from(batches);
  db.delete(fleetBatchChanges).where(notInArray(fleetBatchChanges.batchId, live)).run();
}

/** Every batch as changed: a station joining a hub sends them all in its first round. */
export function markAllBatchesChanged(db: Queryable): void {
  db.run(sql`INSERT INTO ${fleetBatchChanges} (batch_id) SELECT id FROM ${batches} WHERE true ON CONFLICT (batch_id) DO UPDATE SET version = version + 1`);
}

export const changedBatchCount = (db: Queryable, batchIds?: readonly number[]): number =>
  db.select({ n: sql<number>`count(*)` }).from(fleetBatchChanges).where(batchIds ? inArray(fleetBatchChanges.batchId, [...batchIds]) : undefined).get()?.n ?? 0;
