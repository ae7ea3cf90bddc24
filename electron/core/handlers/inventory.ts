// inventory:batches / inventory:refresh: the Upload page's view of the customer's batches in Partner
// Center, and a refresh on demand (only what changed, or everything with `full`).
import { failSaying, followUp, ok } from '../../../shared/contract';
import type { inventoryChannels } from '../../../shared/contract/inventory';
import { batchListRefreshedAt, storedRemoteBatches } from '../../../db/repos/remote-inventory';
import type { Handlers } from '../dispatcher';
import { refreshInventory } from '../sync/inventory';
import { notConfigured, remoteFailure } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';

export function inventoryHandlers(link: PartnerLink | null): Pick<Handlers, keyof typeof inventoryChannels> {
  return {
    'inventory:batches': ({ customerTenantId }, ctx) => {
      const batches = storedRemoteBatches(ctx.db, customerTenantId).map((b) => ({ remoteBatchId: b.remoteBatchId, devicesCount: b.devicesCount, status: b.status, refreshedAt: b.refreshedAt }));
      return ok({ batches, refreshedAt: batchListRefreshedAt(ctx.db, customerTenantId) });
    },
    'inventory:refresh': async ({ customerTenantId, full }, ctx) => {
      if (!link) return notConfigured();
      if (!ctx.session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
      const done = await refreshInventory(link.work, customerTenantId, { full: full ?? false });
      if (!done.ok) return remoteFailure(done.error, followUp('partner.then.inventoryUnchanged', {}, 'The stored inventory is unchanged.'));
      ctx.write(['remoteBatches', 'remoteDevices'], (t) => ctx.audit(t, { action: 'inventory:refresh', objectType: 'customer', objectId: customerTenantId, detail: { full: full ?? false, read: done.value.batchesRead, unchanged: done.value.batchesUnchanged, dropped: done.value.batchesDropped } }));
      return ok({ batchesRead: done.value.batchesRead, batchesUnchanged: done.value.batchesUnchanged, batchesDropped: done.value.batchesDropped });
    },
  };
}
