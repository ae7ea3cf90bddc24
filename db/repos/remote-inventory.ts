// The local copy of what Partner Center holds for a customer.
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { devices, remoteBatches, remoteDevices } from '../schema';
import type { Queryable } from '../types';
import { sameSerialOwner, type IdentityFields } from '../../shared/domain/identity';

export interface RemoteDeviceRecord {
  remoteBatchId: string;
  remoteDeviceId: string;
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
}

export function replaceInventory(db: Queryable, customerTenantId: string, records: readonly RemoteDeviceRecord[], at: number): void {
  db.delete(remoteDevices).where(eq(remoteDevices.customerTenantId, customerTenantId)).run();
  for (let i = 0; i < records.length; i += 500) {
    const slice = records.slice(i, i + 500).map((r) => ({ ...r, customerTenantId, refreshedAt: at }));
    if (slice.length > 0) db.insert(remoteDevices).values(slice).onConflictDoNothing().run();
  }
}

export function inventoryRefreshedAt(db: Queryable, customerTenantId: string): number | null {
  return db.select({ at: max(remoteDevices.refreshedAt) }).from(remoteDevices).where(eq(remoteDevices.customerTenantId, customerTenantId)).get()?.at ?? null;
}

export interface AlreadyRegistered {
  deviceId: number;
  pkid: string | null;
  serial: string | null;
  remoteBatchId: string;
  remoteDeviceId: string;
}

/**
 * Devices of a batch, not yet registered, that the customer's inventory already holds: by PKID, or (for
 * a device without one) by serial from the same manufacturer, the rule duplicates use everywhere.
 */
export function alreadyRegisteredRemotely(db: Queryable, batchId: number, customerTenantId: string): AlreadyRegistered[] {
  const waiting = and(eq(devices.batchId, batchId), isNull(devices.removedAt), inArray(devices.state, ['scanned', 'queued', 'sending']));
  const byPkid = db
    .select({ deviceId: devices.id, pkid: devices.pkid, serial: devices.serial, remoteBatchId: remoteDevices.remoteBatchId, remoteDeviceId: remoteDevices.remoteDeviceId })
    .from(devices)
    .innerJoin(remoteDevices, and(eq(remoteDevices.customerTenantId, customerTenantId), eq(remoteDevices.pkid, devices.pkid)))
    .where(waiting)
    .all();
  const bySerial = db
    .select({
      deviceId: devices.id, pkid: devices.pkid, serial: devices.serial, manufacturer: devices.manufacturer,
      remoteBatchId: remoteDevices.remoteBatchId, remoteDeviceId: remoteDevices.remoteDeviceId, remoteManufacturer: remoteDevices.manufacturer,
    })
    .from(devices)
    .innerJoin(remoteDevices, and(eq(remoteDevices.customerTenantId, customerTenantId), isNull(devices.pkid), eq(remoteDevices.serial, devices.serial)))
    .where(waiting)
    .all()
    .filter((r) => sameSerialOwner(r.manufacturer, r.remoteManufacturer));
  const found = new Map<number, AlreadyRegistered>();
  for (const r of [...byPkid, ...bySerial]) {
    if (!found.has(r.deviceId)) found.set(r.deviceId, { deviceId: r.deviceId, pkid: r.pkid, serial: r.serial, remoteBatchId: r.remoteBatchId, remoteDeviceId: r.remoteDeviceId });
  }
  return [...found.values()];
}

/** Whether any customer's inventory (as last refreshed) holds this PKID: a box already registered. */
export function findRemoteByPkid(db: Queryable, pkid: string): { customerTenantId: string; remoteBatchId: string; refreshedAt: number } | undefined {
  return db
    .select({ customerTenantId: remoteDevices.customerTenantId, remoteBatchId: remoteDevices.remoteBatchId, refreshedAt: remoteDevices.refreshedAt })
    .from(remoteDevices)
    .where(eq(remoteDevices.pkid, pkid))
    .limit(1)
    .get();
}

export interface RemoteMatch {
  customerTenantId: string;
  remoteBatchId: string;
  refreshedAt: number;
  on: 'pkid' | 'serial';
}

/** The same box already in a customer's Partner Center inventory: by PKID, or by serial from the same manufacturer. */
export function findRemoteDuplicate(db: Queryable, fields: Pick<IdentityFields, 'pkid' | 'serial' | 'manufacturer'>): RemoteMatch | undefined {
  if (fields.pkid) {
    const byPkid = findRemoteByPkid(db, fields.pkid);
    if (byPkid) return { ...byPkid, on: 'pkid' };
  }
  if (!fields.serial) return undefined;
  const candidates = db
    .select({ customerTenantId: remoteDevices.customerTenantId, remoteBatchId: remoteDevices.remoteBatchId, refreshedAt: remoteDevices.refreshedAt, manufacturer: remoteDevices.manufacturer })
    .from(remoteDevices)
    .where(eq(remoteDevices.serial, fields.serial))
    .all();
  const hit = candidates.find((c) => sameSerialOwner(c.manufacturer, fields.manufacturer ?? null));
  return hit ? { customerTenantId: hit.customerTenantId, remoteBatchId: hit.remoteBatchId, refreshedAt: hit.refreshedAt, on: 'serial' } : undefined;
}

export type RemoteBatchRow = typeof remoteBatches.$inferSelect;

export function storedRemoteBatches(db: Queryable, customerTenantId: string): RemoteBatchRow[] {
  return db.select().from(remoteBatches).where(eq(remoteBatches.customerTenantId, customerTenantId)).all();
}

/** A batch as listed (count, status), without touching its device rows. */
export function upsertRemoteBatch(db: Queryable, customerTenantId: string, b: { remoteBatchId: string; devicesCount: number | null; status: string | null }, at: number, devicesReadCount?: number): void {
  const values = { customerTenantId, remoteBatchId: b.remoteBatchId, devicesCount: b.devicesCount, status: b.status, refreshedAt: at, ...(devicesReadCount === undefined ? {} : { devicesReadCount }) };
  db.insert(remoteBatches).values(values).onConflictDoUpdate({ target: [remoteBatches.customerTenantId, remoteBatches.remoteBatchId], set: values }).run();
}

/** One batch's devices as just read, replacing what was stored for it. */
export function replaceBatchDevices(db: Queryable, customerTenantId: string, remoteBatchId: string, records: readonly Omit<RemoteDeviceRecord, 'remoteBatchId'>[], at: number): void {
  db.delete(remoteDevices).where(and(eq(remoteDevices.customerTenantId, customerTenantId), eq(remoteDevices.remoteBatchId, remoteBatchId))).run();
  for (let i = 0; i < records.length; i += 500) {
    const slice = records.slice(i, i + 500).map((r) => ({ ...r, remoteBatchId, customerTenantId, refreshedAt: at }));
    if (slice.length > 0) db.insert(remoteDevices).values(slice).onConflictDoNothing().run();
  }
}

/** A batch Partner Center no longer lists: its row and its devices go. */
export function dropRemoteBatch(db: Queryable, customerTenantId: string, remoteBatchId: string): void {
  db.delete(remoteDevices).where(and(eq(remoteDevices.customerTenantId, customerTenantId), eq(remoteDevices.remoteBatchId, remoteBatchId))).run();
  db.delete(remoteBatches).where(and(eq(remoteBatches.customerTenantId, customerTenantId), eq(remoteBatches.remoteBatchId, remoteBatchId))).run();
}

/** When the customer's batch list was last read (null: never). */
export function batchListRefreshedAt(db: Queryable, customerTenantId: string): number | null {
  return db.select({ at: max(remoteBatches.refreshedAt) }).from(remoteBatches).where(eq(remoteBatches.customerTenantId, customerTenantId)).get()?.at ?? null;
}

/** A remote record for a PKID or (same manufacturer) serial of this customer: the partner holds the device. */
export function findCustomerRemote(db: Queryable, customerTenantId: string, fields: Pick<IdentityFields, 'pkid' | 'serial' | 'manufacturer'>): { remoteBatchId: string; remoteDeviceId: string } | undefined {
  if (fields.pkid) {
    const hit = db.select({ remoteBatchId: remoteDevices.remoteBatchId, remoteDeviceId: remoteDevices.remoteDeviceId }).from(remoteDevices)
      .where(and(eq(remoteDevices.customerTenantId, customerTenantId), eq(remoteDevices.pkid, fields.pkid))).limit(1).get();
    if (hit) return hit;
  }
  if (!fields.serial) return undefined;
  const rows = db.select({ remoteBatchId: remoteDevices.remoteBatchId, remoteDeviceId: remoteDevices.remoteDeviceId, manufacturer: remoteDevices.manufacturer }).from(remoteDevices)
    .where(and(eq(remoteDevices.customerTenantId, customerTenantId), eq(remoteDevices.serial, fields.serial))).all();
  const hit = rows.find((r) => sameSerialOwner(r.manufacturer, fields.manufacturer ?? null));
  return hit ? { remoteBatchId: hit.remoteBatchId, remoteDeviceId: hit.remoteDeviceId } : undefined;
}
