// Each station's batches as it last pushed them (name, state, live lines): the fleet-wide batch list.
import { asc, eq, ne, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { batchStates, stations } from '../schema';

export interface StationBatch {
  readonly batchName: string;
  readonly state: string;
  readonly devices: number;
  readonly createdBy?: string | null;
  readonly createdAt?: Date | null;
}

export async function recordBatchStates(db: HubDb, stationId: string, batches: readonly StationBatch[]): Promise<void> {
  if (batches.length === 0) return;
  await db
    .insert(batchStates)
    .values(batches.map((b) => ({ stationId, ...b })))
    .onConflictDoUpdate({ target: [batchStates.stationId, batchStates.batchName], set: { state: sql`excluded.state`, devices: sql`excluded.devices`, createdBy: sql`excluded.created_by`, createdAt: sql`excluded.created_at`, updatedAt: sql`now()` } });
}

export async function othersBatchStates(db: HubDb, stationId: string): Promise<(StationBatch & { stationId: string; stationName: string; createdBy: string | null; createdAt: Date | null; updatedAt: Date })[]> {
  return db
    .select({ stationId: batchStates.stationId, stationName: stations.name, batchName: batchStates.batchName, state: batchStates.state, devices: batchStates.devices, createdBy: batchStates.createdBy, createdAt: batchStates.createdAt, updatedAt: batchStates.updatedAt })
    .from(batchStates)
    .innerJoin(stations, eq(stations.id, batchStates.stationId))
    .where(ne(batchStates.stationId, stationId))
    .orderBy(asc(stations.name), asc(batchStates.batchName));
}
