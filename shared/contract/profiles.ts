import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';

export const PROFILES_NOTE =
  'Only profiles made in Partner Center are listed: Autopilot profiles made in Intune are not visible to Partner Center, and Intune assigns those itself.';

export const profileView = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), settings: z.array(z.string()), devicesAssigned: z.number().nullable() });

export const profileChannels = defineChannels({
  'profiles:list': {
    input: z.strictObject({ customerTenantId: z.string().min(1).max(100) }),
    output: z.object({ profiles: z.array(profileView), note: z.string() }),
    permission: 'batches:approve',
    summary: "The customer's Autopilot profiles in Partner Center.",
  },
  'profiles:assign': {
    /** policyId null: unassign (the devices keep no Partner Center profile). */
    /** deviceIds: only these of the batch's registered devices (the ticked ones); all of them when left out. */
    input: z.strictObject({ batchId: id, policyId: z.string().min(1).max(100).nullable(), deviceIds: z.array(id).min(1).max(100_000).optional() }),
    output: z.object({
      assigned: z.number().int(),
      skipped: z.number().int(),
      // meaning/action: the English (the CLI's); description: Partner Center's own words, so a screen can say the code's advice in its language.
      failed: z.array(z.object({ deviceId: z.number().int(), pkid: z.string().nullable(), code: z.string(), meaning: z.string(), action: z.string(), description: z.string().nullable().optional() })),
      stillRunning: z.number().int(),
    }),
    permission: 'batches:approve',
    summary: "Assign an Autopilot profile to a batch's registered devices, or unassign (policyId null).",
  },
  'profiles:waiting': {
    input: z.strictObject({ batchId: id }),
    output: z.object({
      registered: z.number().int(),
      withProfile: z.number().int(),
      waitingCount: z.number().int(),
      /** At most 500 listed; waitingCount is whole. */
      waiting: z.array(z.object({ deviceId: z.number().int(), pkid: z.string().nullable(), serial: z.string().nullable(), reason: z.string(), manageable: z.boolean() })),
    }),
    permission: 'batches:approve',
    summary: "A batch's registered devices that still wait for an Autopilot profile, and why.",
  },
});
