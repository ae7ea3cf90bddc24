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
    input: z.strictObject({ batchId: id, policyId: z.string().min(1).max(100) }),
    output: z.object({
      assigned: z.number().int(),
      skipped: z.number().int(),
      failed: z.array(z.object({ deviceId: z.number().int(), pkid: z.string().nullable(), code: z.string(), meaning: z.string(), action: z.string() })),
      stillRunning: z.number().int(),
    }),
    permission: 'batches:approve',
    summary: "Assign an Autopilot profile to a batch's registered devices.",
  },
});
