import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { batches, devices, operators } from '../schema';
import type { Queryable } from '../types';
import type { DeviceView } from '../../shared/contract/scans';
import { compactHash, sameSerialOwner, summariseIdentity, type IdentityFields } from '../../shared/domain/identity';

export type DeviceRow = typeof devices.$inferSelect;
export type BatchOfDevice = typeof batches.$inferSelect;

/**
 * The removal reason of a device row that continues as a new row in another batch ("Move failed to a
 * new batch"): the old row keeps the batch's history (its error included), the box is one box.
 */
export const MOVED_REASON_PREFIX = 'moved to batch ';
/** The removal reason of an undone scan: a read taken back, not a box. */
export const UNDO_REASON = 'undo';
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
  hardwareHash: devices.hardwareHash,
};

type ViewRow = Omit<DeviceView, 'identity'> & { hardwareHash: string | null };

function toView({ hardwareHash, ...rest }: ViewRow): DeviceView {
  return { ...rest, identity: summariseIdentity({ ...rest, hardwareHash }) };
}

export interface LiveDeviceMatch {
  device: DeviceView;
  batchName: string;
}

function liveQuery(db: Queryable, where: ReturnType<typeof and>) {
  return db
    .select({ ...viewColumns, batchName: batches.name })
    .from(devices)
    .innerJoin(operators, eq(operators.id, devices.scannedBy))
    .innerJoin(batches, eq(batches.id, devices.batchId))
    .where(and(where, isNull(devices.removedAt)));
}

function toMatch({ batchName, ...device }: ViewRow & { batchName: string }): LiveDeviceMatch {
  return { device: toView(device), batchName };
}

function liveMatch(db: Queryable, where: ReturnType<typeof and>): LiveDeviceMatch | undefined {
  const row = liveQuery(db, where).get();
  return row ? toMatch(row) : undefined;
}

function liveMatches(db: Queryable, where: ReturnType<typeof and>): LiveDeviceMatch[] {
  return liveQuery(db, where).all().map(toMatch);
}

export function findLiveByPkid(db: Queryable, pkid: string): LiveDeviceMatch | undefined {
  return liveMatch(db, and(eq(devices.pkid, pkid)));
}

export function findLiveBySerial(db: Queryable, serial: string): LiveDeviceMatch | undefined {
  return liveMatch(db, and(eq(devices.serial, serial)));
}

export type DuplicateOn = 'pkid' | 'hash' | 'serial';

/**
 * The live device that is the same box as these fields, by PKID, hardware hash, or serial from the same
 * manufacturer (shared/domain/identity.ts says what "same" means). `exceptId` skips the record itself.
 */
export function findLiveDuplicate(db: Queryable, fields: IdentityFields, exceptId?: number): (LiveDeviceMatch & { on: DuplicateOn }) | undefined {
  const other = (m: LiveDeviceMatch | undefined) => (m && m.device.id !== exceptId ? m : undefined);
  if (fields.pkid) {
    const m = other(findLiveByPkid(db, fields.pkid));
    if (m) return { ...m, on: 'pkid' };
  }
  if (fields.hardwareHash) {
    const m = other(liveMatch(db, and(eq(devices.hardwareHash, compactHash(fields.hardwareHash)))));
    if (m) return { ...m, on: 'hash' };
  }
  if (fields.serial) {
    for (const m of liveMatches(db, and(eq(devices.serial, fields.serial)))) {
      if (m.device.id !== exceptId && sameSerialOwner(m.device.manufacturer, fields.manufacturer)) return { ...m, on: 'serial' };
    }
  }
  return undefined;
}

/** A device row as stored, or undefined. */
export function findDevice(db: Queryable, id: number): DeviceRow | undefined {
  return db.select().from(devices).where(eq(devices.id, id)).get();
}

export function deviceView(db: Queryable, id: number): DeviceView | undefined {
  const row = db.select(viewColumns).from(devices).innerJoin(operators, eq(operators.id, devices.scannedBy)).where(eq(devices.id, id)).get();
  return row ? toView(row) : undefined;
}

export function insertDevice(db: Queryable, values: NewDevice): DeviceRow {
  return db.insert(devices).values(values).returning().get();
}

export function updateDevice(db: Queryable, id: number, values: Partial<Omit<DeviceRow, 'id'>>): void {
  db.update(devices).set(values).where(eq(devices.id, id)).run();
}

/** The operator's newest live scanned box in a batch (imported lines are no read): what "undo" looks at. */
export function lastLiveDeviceOf(db: Queryable, batchId: number, operatorId: number): DeviceRow | undefined {
  return db
    .select()
    .from(devices)
    .where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), eq(devices.scannedBy, operatorId), ne(devices.source, 'import')))
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
    .all()
    .map(toView);
}

/** A batch's live devices in one state (failed ones to retry or move, registered ones to manage). */
export function liveDevicesInState(db: Queryable, batchId: number, state: DeviceRow['state']): DeviceRow[] {
  return db.select().from(devices).where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), eq(devices.state, state))).all();
}

/** A batch's live registered devices, with only what tells whose they are to manage (no hashes read). */
export function registeredDeviceCodes(db: Queryable, batchId: number): { id: number; errorCode: string | null }[] {
  return db.select({ id: devices.id, errorCode: devices.errorCode }).from(devices).where(and(isNull(devices.removedAt), eq(devices.batchId, batchId), eq(devices.state, 'registered'))).all();
}

/** A batch's failed live devices' ids (of the given ones, when given). */
export function failedDeviceIds(db: Queryable, batchId: number, deviceIds?: readonly number[]): number[] {
  return db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.batchId, batchId), eq(devices.state, 'failed'), isNull(devices.removedAt), ...(deviceIds ? [inArray(devices.id, [...deviceIds])] : [])))
    .all()
    .map((d) => d.id);
}

/** Of these device ids, the live ones. */
export function liveDevicesByIds(db: Queryable, ids: readonly number[]): DeviceRow[] {
  return db.select().from(devices).where(and(isNull(devices.removedAt), inArray(devices.id, [...ids]))).all();
}

/** Live devices whose PKID or serial is exactly this text. */
export function liveDevicesByIdentifier(db: Queryable, identifier: string): DeviceRow[] {
  return db.select().from(devices).where(and(isNull(devices.removedAt), or(eq(devices.pkid, identifier), eq(devices.serial, identifier)))).all();
}

export function liveDevicesOfBatch(db: Queryable, batchId: number): DeviceRow[] {
  return db.select().from(devices).where(and(isNull(devices.removedAt), eq(devices.batchId, batchId))).all();
}

/** Live registered devices of a batch that Partner Center has not named with a device id yet. */
export function registeredWithoutRemoteId(db: Queryable, batchId: number): DeviceRow[] {
  return db.select().from(devices).where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), eq(devices.state, 'registered'), isNull(devices.remoteDeviceId))).all();
}

/** The device with its batch, or undefined. */
export function deviceWithBatch(db: Queryable, id: number): { device: DeviceRow; batch: BatchOfDevice } | undefined {
  return db.select({ batch: batches, device: devices }).from(devices).innerJoin(batches, eq(batches.id, devices.batchId)).where(eq(devices.id, id)).get();
}
