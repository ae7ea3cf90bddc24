// Before a batch's first upload the station reads everything Partner Center already holds for the
// customer (every batch, every page of devices) and flags the batch's devices found there, so a box
// registered by another station, a manual CSV upload or an earlier run is not sent again.
import { findBatch } from '../../../db/repos/batches';
import { alreadyRegisteredRemotely, inventoryRefreshedAt, replaceInventory, type RemoteDeviceRecord } from '../../../db/repos/remote-inventory';
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

/**
 * Refreshes the inventory when it is older than INVENTORY_MAX_AGE_MS and marks the batch's devices
 * already there as registered (with a note). Returns the remote batch ids, or the error.
 */
export async function lookRemote(ctx: SyncContext, batchId: number, customerId: string): Promise<{ ok: true; batchIds: string[] | null } | { ok: false; error: PartnerCenterError }> {
  let batchIds: string[] | null = null;
  const refreshedAt = inventoryRefreshedAt(ctx.db, customerId);
  if (refreshedAt === null || ctx.now() - refreshedAt > INVENTORY_MAX_AGE_MS) {
    const fetched = await fetchInventory(ctx.client, customerId);
    if (!fetched.ok) return fetched;
    batchIds = fetched.batchIds;
    tx(ctx, (t) => replaceInventory(t, customerId, fetched.records, ctx.now()));
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
