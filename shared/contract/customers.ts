import { z } from 'zod';
import { defineChannels } from './define';
import { empty } from './common';

export const customerView = z.object({
  tenantId: z.string(),
  companyName: z.string(),
  domain: z.string().nullable(),
  relationship: z.string(),
  refreshedAt: z.number(),
  /** False when the last refresh no longer listed it (kept because a batch refers to it). */
  listed: z.boolean(),
});
export type CustomerView = z.infer<typeof customerView>;

export const customerChannels = defineChannels({
  'customers:refresh': {
    input: empty,
    output: z.object({
      refreshedAt: z.number(),
      count: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      /** Customers Partner Center no longer lists but a batch still refers to. */
      kept: z.number().int(),
      pages: z.number().int(),
    }),
    permission: 'partner:manage',
    summary: 'Fetch the customer list from Partner Center and replace the cached copy.',
  },
  'customers:list': {
    input: z.strictObject({ search: z.string().trim().max(200).optional() }),
    output: z.object({ refreshedAt: z.number().nullable(), customers: z.array(customerView) }),
    permission: 'station:use',
    summary: 'Customers from the cached list (works offline), optionally searched by name or domain.',
  },
  'customers:relationshipRequest': {
    input: empty,
    output: z.object({ url: z.string(), explanation: z.string() }),
    permission: 'partner:manage',
    summary: 'The invitation link a new customer accepts so the partner may register its devices.',
  },
});
