// Before a batch's first upload the station brings its copy of what Partner Center holds for the
// customer up to date (the batch list, then the devices of batches that changed) and flags the batch's
// devices found there, so a box registered by another station, a manual CSV upload or an earlier run is
// not sent again.
import { findBatch } from '../../../db/repos/batches';
import { alreadyRegisteredRemotely, batchListRefreshedAt, replaceInventory, dropRemoteBatch, replaceBatchDevices, storedRemoteBatches, upsertRemoteBatch, type RemoteDeviceRecord } from '../../../db/repos/remote-inventory';
import type { PartnerCenterClient, PartnerCenterError } from '../../partner-center/client';
import { markRegistered } from './apply-results';
import { auditSync, tx, type SyncContext } from './sync-context';

export const INVENTORY_MAX_AGE_MS = 15 * 60_000;

export async function fetchInventory(client: PartnerCenterClient, customerId: string): Promise<{ ok: true; records: RemoteDeviceRecord[]; batchIds: string[] } | { ok: false; error: PartnerCenterError }> {
  const batches = await client.deviceBatches.list(customerId);
  if (!batches.ok) return batches;
  const records: RemoteDeviceRecord[] = [];
  for (const batch of batches.value.items) {
    const listed = await client.deviceBatches.listDevices(customerId, batch.id);
    if (!listed.ok) return listed;
    for (const d of listed.value.items) {
      records.push({ remoteBatchId: batch.id, remoteDeviceId: d.id, pkid: d.productKey ?? null, serial: d.serialNumber ?? null, manufacturer: d.oemManufacturerName ?? null, model: d.modelName ?? null });
    }
  }
  return { ok: true, records, batchIds: batches.value.items.map((b) => b.id) };
}

export interface InventoryRefresh {
  /** Every batch id Partner Center listed for the customer, in its own spelling. */
  batchIds: string[];
  /** Batches whose devices were read again (new, or count/status changed, or a full refresh). */
  batchesRead: number;
  /** Batches left as stored: their count and status had not changed. */
  batchesUnchanged: number;
  batchesDropped: number;
}

/**
 * What changed since the last look, not everything: one batch list (the cheap call), then the device
 * pages of only those batches that are new or whose devicesCount or status differ from what was
 * read before (and of every batch whose count the service does not give). A walk of every batch and
 * every page each time does not scale to hundreds of thousands of devices. `full` re-reads all (on
 * demand: a count-preserving change such as one device deleted and another added is only seen so).
 */
export async function refreshInventory(ctx: SyncContext, customerId: string, options: { full?: boolean } = {}): Promise<{ ok: true; value: InventoryRefresh } | { ok: false; error: PartnerCenterError }> {
  const listed = await ctx.client.deviceBatches.list(customerId);
  if (!listed.ok) return listed;
  const stored = new Map(storedRemoteBatches(ctx.db, customerId).map((b) => [b.remoteBatchId, b]));
  const at = ctx.now();
  // No batch list stored yet (first refresh, or rows from a full walk of an older version): start clean.
  if (stored.size === 0) tx(ctx, (t) => replaceInventory(t, customerId, [], at));
  const result: InventoryRefresh = { batchIds: listed.value.items.map((b) => b.id), batchesRead: 0, batchesUnchanged: 0, batchesDropped: 0 };
  for (const batch of listed.value.items) {
    const before = stored.get(batch.id);
    stored.delete(batch.id);
    const unchanged = !options.full && before !== undefined && batch.devicesCount !== null
      && before.devicesReadCount === batch.devicesCount && before.devicesCount === batch.devicesCount && before.status === batch.status;
    if (unchanged) {
      tx(ctx, (t) => upsertRemoteBatch(t, customerId, { remoteBatchId: batch.id, devicesCount: batch.devicesCount, status: batch.status }, at));
      result.batchesUnchanged++;
      continue;
    }
    const devicesRead = await ctx.client.deviceBatches.listDevices(customerId, batch.id);
    if (!devicesRead.ok) return devicesRead;
    const records = devicesRead.value.items.map((d) => ({ remoteDeviceId: d.id, pkid: d.productKey ?? null, serial: d.serialNumber ?? null, manufacturer: d.oemManufacturerName ?? null, model: d.modelName ?? null }));
    tx(ctx, (t) => {
      replaceBatchDevices(t, customerId, batch.id, records, at);
      // What was actually read: a listing shorter than devicesCount (in flux) is read again next time.
      upsertRemoteBatch(t, customerId, { remoteBatchId: batch.id, devicesCount: batch.devicesCount, status: batch.status }, at, records.length);
    });
    result.batchesRead++;
  }
  for (const gone of stored.keys()) {
    tx(ctx, (t) => dropRemoteBatch(t, customerId, gone));
    result.batchesDropped++;
  }
  return { ok: true, value: result };
}

/**
 * Refreshes the inventory (what changed) when the batch list is older than INVENTORY_MAX_AGE_MS and
 * marks the batch's devices already there as registered (with a note). Returns the remote batch ids,
 * or the error.
 */
export async function lookRemote(ctx: SyncContext, batchId: number, customerId: string): Promise<{ ok: true; batchIds: string[] | null } | { ok: false; error: PartnerCenterError }> {
  let batchIds: string[] | null = null;
  const refreshedAt = batchListRefreshedAt(ctx.db, customerId);
  if (refreshedAt === null || ctx.now() - refreshedAt > INVENTORY_MAX_AGE_MS) {
    const refreshed = await refreshInventory(ctx, customerId);
    if (!refreshed.ok) return refreshed;
    batchIds = refreshed.value.batchIds;
  }
  tx(ctx, (t) => {
    const found = alreadyRegisteredRemotely(t, batchId, customerId);
    for (const f of found) {
      markRegistered(t, f.deviceId, f.remoteDeviceId, { code: 'already-registered', text: `Already registered in Partner Center (batch ${f.remoteBatchId}); not sent again.` });
    }
    if (found.length > 0) {
      auditSync(ctx, t, { action: 'uploads:alreadyRegistered', objectType: 'batch', objectId: batchId, detail: { devices: found.length, batch: findBatch(t, batchId)?.name } });
    }
  });
  return { ok: true, batchIds };
}
