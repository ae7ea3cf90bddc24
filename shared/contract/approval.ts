// Approval: the lead checks a closed batch, picks the customer and approves it for upload.
import { z } from 'zod';
import { defineChannels } from './define';
import { id, role } from './common';
import { changeKinds } from '../domain/two-person';
import { batchSummary } from './batches';
import { expectedLine, unexpectedDevice } from './expected';

const tenantId = z.string().trim().min(1).max(100);

export const approvalPreview = z.object({
  batch: batchSummary,
  deviceCount: z.number().int(),
  /** Live devices sharing a serial (within this batch, or with another live batch). */
  sameSerial: z.array(z.object({ serial: z.string(), deviceIds: z.array(z.number().int()), batchNames: z.array(z.string()) })),
  expected: z.object({
    expected: z.number().int(),
    matched: z.number().int(),
    missing: z.number().int(),
    missingLines: z.array(expectedLine),
    /** Live lines scanned or imported that the expected list does not name (approving sends them too). */
    unexpected: z.number().int(),
    unexpectedDevices: z.array(unexpectedDevice),
  }),
  customer: z.object({ tenantId: z.string(), companyName: z.string(), domain: z.string().nullable() }).nullable(),
  twoPersonRule: z.object({
    enabled: z.boolean(),
    /** Live lines of this batch the caller scanned or imported. */
    yourDevices: z.number().int(),
    /** Whoever changed what this batch will send (these may not approve it alone). */
    changers: z.array(z.object({ operatorId: z.number().int(), name: z.string(), what: z.array(z.enum(changeKinds)) })),
    /** Active operators who may approve it (alone), or confirm the caller's approval with their PIN. */
    eligible: z.array(z.object({ id: z.number().int(), name: z.string(), role })),
    /** The caller changed the batch: approving needs an eligible second person's PIN. */
    needsSecondPerson: z.boolean(),
    /** In words: who may approve, or why nobody can and what to do. */
    explanation: z.string(),
  }),
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
    input: z.strictObject({
      batchId: id,
      customerTenantId: tenantId,
      /** A second person who changed nothing in the batch confirms with their PIN (same lock-out as sign-in). */
      secondPerson: z.strictObject({ name: z.string().trim().min(1).max(40), pin: z.string().max(64) }).optional(),
    }),
    output: z.object({ batch: batchSummary, approvedBy: z.string(), confirmedBy: z.string().nullable(), approvedAt: z.number(), customerName: z.string() }),
    permission: 'batches:approve',
    summary: 'Approve a closed batch for upload to the chosen customer.',
  },
});
