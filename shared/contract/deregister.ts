// Removing registered devices from Autopilot (Partner Center's DELETE), by a lead, with a reason.
import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';
import { batchName } from './batches';
import { approvalPreview } from './approval';

export const deregisterInput = z
  .strictObject({
    deviceIds: z.array(id).min(1).max(100_000).optional(),
    /** A PKID or a serial, as scanned. */
    identifier: z.string().trim().min(1).max(200).optional(),
    batchId: id.optional(),
    reason: z.string().trim().min(4, 'Give a reason of at least 4 characters (a return, the wrong customer, a motherboard swap).').max(500),
    /** Move to another customer: the boxes continue in this new open batch, to be approved for that customer. */
    moveToBatchName: batchName.optional(),
    /** A lead or admin who changed none of the batch confirms with their PIN (approval's two-person rule, same lock-out as sign-in). */
    secondPerson: z.strictObject({ name: z.string().trim().min(1).max(40), pin: z.string().max(64) }).optional(),
  })
  .refine((v) => [v.deviceIds, v.identifier, v.batchId].filter((x) => x !== undefined).length === 1, { message: 'Name exactly one of: devices, a PKID or serial, or a batch.' });

export const deregisterPreview = z.object({
  batchName: z.string(),
  /** Live devices of the batch registered by this partner: the ones a deregistration can remove. */
  registered: z.number().int(),
  /** Approval's two-person rule, as it applies to removing this batch's devices. */
  twoPersonRule: approvalPreview.shape.twoPersonRule,
});
export type DeregisterPreview = z.infer<typeof deregisterPreview>;

export const deregisterChannels = defineChannels({
  'devices:deregisterPreview': {
    input: z.strictObject({ batchId: id }),
    output: deregisterPreview,
    permission: 'batches:approve',
    summary: "Before removing a batch's devices from Autopilot: how many can be removed, and who may do it under the two-person rule.",
  },
  'devices:deregister': {
    input: deregisterInput,
    output: z.object({
      requested: z.number().int(),
      deregistered: z.number().int(),
      failed: z.array(z.object({ deviceId: z.number().int(), message: z.string() })),
      /** Waiting for Partner Center (offline, throttled): the station finishes them by itself. */
      pending: z.number().int(),
      movedToBatchId: z.number().int().nullable(),
    }),
    permission: 'batches:approve',
    summary: 'Remove registered devices from Autopilot (one, a list, or a whole batch), with a reason.',
  },
});
