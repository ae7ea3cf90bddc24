// After a job: devices registered without a Partner Center device id get one, because profiles and
// removals address devices by id. A job status may not name the device (hash-only uploads come back
// with no id, serial or PKID), so the batch's device list is read and matched by hash, serial or PKID.
// A device that answered 806 and is in none of the partner's batches was added by the customer itself
// (Intune, Store for Business): registered, but not the partner's to manage, and said so.
import type { BatchRow } from '../../../db/repos/batches';
import { registeredWithoutRemoteId, updateDevice } from '../../../db/repos/devices';
import { findCustomerRemote } from '../../../db/repos/remote-inventory';
import { ALREADY_PARTNER_REGISTERED, CUSTOMER_ADDED } from '../../../shared/domain/device-errors';
import { markRegistered } from './apply-results';
import { matchRemote } from './device-match';
import { refreshInventory } from './inventory';
import { remoteBatchName } from './remote-name';
import { auditSync, tx, type SyncContext } from './sync-context';

export interface Identified {
  found: number;
  customerAdded: number;
  stillUnknown: number;
}

const missingIds = (ctx: SyncContext, batchId: number) => registeredWithoutRemoteId(ctx.db, batchId);

/** Best effort: a failed listing leaves the ids unknown (the next profile assignment tries again). */
export async function identifyRegistered(ctx: SyncContext, batch: BatchRow, customerId: string): Promise<Identified> {
  const result: Identified = { found: 0, customerAdded: 0, stillUnknown: 0 };
  const missing = missingIds(ctx, batch.id);
  if (missing.length === 0) return result;
  const listed = await ctx.client.deviceBatches.listDevices(customerId, remoteBatchName(batch));
  if (listed.ok) {
    tx(ctx, (t) => {
      const matched = matchRemote(missing, listed.value.items);
      for (const d of missing) {
        const remote = matched.get(d);
        if (!remote) continue;
        updateDevice(t, d.id, { remoteDeviceId: remote.id });
        result.found++;
      }
    });
  }
  const answered806 = missingIds(ctx, batch.id).filter((d) => d.errorCode === '806');
  if (answered806.length > 0) {
    const refreshed = await refreshInventory(ctx, customerId);
    if (refreshed.ok) {
      tx(ctx, (t) => {
        for (const d of answered806) {
          const hit = findCustomerRemote(t, customerId, d);
          if (hit) {
            markRegistered(t, d.id, hit.remoteDeviceId, { code: ALREADY_PARTNER_REGISTERED.code, text: `${ALREADY_PARTNER_REGISTERED.text} (batch ${hit.remoteBatchId})` });
            result.found++;
          } else {
            markRegistered(t, d.id, null, { code: CUSTOMER_ADDED.code, text: CUSTOMER_ADDED.text });
            result.customerAdded++;
          }
        }
        if (result.customerAdded > 0) auditSync(ctx, t, { action: 'uploads:customerAdded', objectType: 'batch', objectId: batch.id, detail: { devices: result.customerAdded } });
      });
    }
  }
  result.stillUnknown = missingIds(ctx, batch.id).filter((d) => d.errorCode !== CUSTOMER_ADDED.code).length;
  return result;
}
