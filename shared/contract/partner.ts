import { z } from 'zod';
import { defineChannels } from './define';
import { done, empty } from './common';

export const partnerStatus = z.object({
  /** A Partner Center address and a way to get tokens are set up on this station. */
  configured: z.boolean(),
  signedIn: z.boolean(),
  /** The signed-in Partner Center user, or null. */
  account: z.string().nullable(),
  baseUrl: z.string().nullable(),
  /** Pointed at the emulator: nothing reaches Microsoft. */
  practiceMode: z.boolean(),
  lastCustomerRefreshAt: z.number().nullable(),
});
export type PartnerStatus = z.infer<typeof partnerStatus>;

export const partnerChannels = defineChannels({
  'partner:status': {
    input: empty,
    output: partnerStatus,
    permission: 'station:use',
    summary: 'Whether the station can reach Partner Center, and who is signed in.',
  },
  'partner:signIn': {
    input: empty,
    output: z.object({ account: z.string() }),
    permission: 'partner:manage',
    summary: 'Sign the station in to Partner Center.',
  },
  'partner:signOut': {
    input: empty,
    output: done,
    permission: 'partner:manage',
    summary: 'Sign the station out of Partner Center.',
  },
});
