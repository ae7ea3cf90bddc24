// Approval: the lead checks a closed batch, picks the customer and approves it for upload.
import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';
import { batchSummary } from './batches';
import { expectedLine } from './expected';

const tenantId = z.string().trim().min(1).max(100);

export const approvalPreview = z.object({
  batch: batchSummary,
  deviceCount: z.number().int(),
  /** Live devices sharing a serial (within this batch, or with another live batch). */
  sameSerial: z.array(z.object({ serial: z.string(), deviceIds: z.array(z.number().int()), batchNames: z.array(z.string()) })),
  expected: z.object({ expected: z.number().int(), matched: z.number().int(), missing: z.number().int(), missingLines: z.array(expectedLine) }),
  customer: z.object({ tenantId: z.string(), companyName: z.string(), domain: z.string().nullable() }).nullable(),
  twoPersonRule: z.object({ enabled: z.boolean(), yourDevices: z.number().int() }),
  /** Devices Partner Center could not identify (no PKID, hash or complete tuple): approval is refused while any remain. */
  noIdentity: z.object({ count: z.number().int(), devices: z.array(z.object({ deviceId: z.number().int(), problem: z.string() })) }),
  /** Why approval would be refused right now; empty when it would go through. */
  blockers: z.array(z.string()),
});
export type ApprovalPreview = z.infer<typeof approvalPreview>;

export const approvalChannels = defineChannels({
  'approval:preview': {
    input: z.strictObject({ batchId: id, customerTenantId: tenantId.optional() }),
    output: approvalPreview,
    permission: 'batches:approve',
    summary: 'What approving this batch would send, and anything in the way.',
  },
  'approval:approve': {
    input: z.strictObject({ batchId: id, customerTenantId: tenantId }),
    output: z.object({ batch: batchSummary, approvedBy: z.string(), approvedAt: z.number(), customerName: z.string() }),
    permission: 'batches:approve',
    summary: 'Approve a closed batch for upload to the chosen customer.',
  },
});
