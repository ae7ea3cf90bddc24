import { and, desc, eq, isNull } from 'drizzle-orm';
import { batches, devices, operators } from '../schema';
import type { Queryable } from '../types';
import type { DeviceView } from '../../shared/contract/scans';

export type DeviceRow = typeof devices.$inferSelect;
export type NewDevice = typeof devices.$inferInsert;

const viewColumns = {
  id: devices.id,
  batchId: devices.batchId,
  pkid: devices.pkid,
  serial: devices.serial,
  manufacturer: devices.manufacturer,
  model: devices.model,
  source: devices.source,
  scannedBy: operators.name,
  scannedAt: devices.scannedAt,
  state: devices.state,
};

export interface LiveDeviceMatch {
  device: DeviceView;
  batchName: string;
}

function liveMatch(db: Queryable, where: ReturnType<typeof and>): LiveDeviceMatch | undefined {
  const row = db
    .select({ ...viewColumns, batchName: batches.name })
    .from(devices)
    .innerJoin(operators, eq(operators.id, devices.scannedBy))
    .innerJoin(batches, eq(batches.id, devices.batchId))
    .where(and(where, isNull(devices.removedAt)))
    .get();
  if (!row) return undefined;
  const { batchName, ...device } = row;
  return { device, batchName };
}

export function findLiveByPkid(db: Queryable, pkid: string): LiveDeviceMatch | undefined {
  return liveMatch(db, and(eq(devices.pkid, pkid)));
}

export function findLiveBySerial(db: Queryable, serial: string): LiveDeviceMatch | undefined {
  return liveMatch(db, and(eq(devices.serial, serial)));
}

export function deviceView(db: Queryable, id: number): DeviceView | undefined {
  return db.select(viewColumns).from(devices).innerJoin(operators, eq(operators.id, devices.scannedBy)).where(eq(devices.id, id)).get();
}

export function insertDevice(db: Queryable, values: NewDevice): DeviceRow {
  return db.insert(devices).values(values).returning().get();
}

export function updateDevice(db: Queryable, id: number, values: Partial<Omit<DeviceRow, 'id'>>): void {
  db.update(devices).set(values).where(eq(devices.id, id)).run();
}

/** The operator's newest live box in a batch: what "undo" removes. */
export function lastLiveDeviceOf(db: Queryable, batchId: number, operatorId: number): DeviceRow | undefined {
  return db
    .select()
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), eq(devices.scannedBy, operatorId)))
    .orderBy(desc(devices.id))
    .limit(1)
    .get();
}

export function recentDevices(db: Queryable, batchId: number, limit: number): DeviceView[] {
  return db
    .select(viewColumns)
    .from(devices)
    .innerJoin(operators, eq(operators.id, devices.scannedBy))
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt)))
    .orderBy(desc(devices.id))
    .limit(limit)
    .all();
}
