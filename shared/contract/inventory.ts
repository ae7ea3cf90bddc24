// The customer's batches as Partner Center sees them (status, device count), and refreshing that view.
import { z } from 'zod';
import { defineChannels } from './define';

const tenantId = z.string().trim().min(1).max(100);

export const remoteBatchView = z.object({ remoteBatchId: z.string(), devicesCount: z.number().int().nullable(), status: z.string().nullable(), refreshedAt: z.number() });

export const inventoryChannels = defineChannels({
  'inventory:batches': {
    input: z.strictObject({ customerTenantId: tenantId }),
    output: z.object({ batches: z.array(remoteBatchView), refreshedAt: z.number().nullable() }),
    permission: 'batches:approve',
    summary: "The customer's batch list as Partner Center last answered it (stored: works offline).",
  },
  'inventory:refresh': {
    input: z.strictObject({ customerTenantId: tenantId, full: z.boolean().optional() }),
    output: z.object({ batchesRead: z.number().int(), batchesUnchanged: z.number().int(), batchesDropped: z.number().int() }),
    permission: 'batches:approve',
    summary: "Refresh the station's copy of the customer's Partner Center inventory now (what changed; full: everything).",
  },
});
