import { z } from 'zod';
import { defineChannels } from './define';
import { empty } from './common';

export const supportBundle = z.object({
  /** Where the zip was written (<dataDir>/support/…), to hand to whoever helps. */
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  /** The files inside the zip, e.g. versions.json, logs/dockside.log. */
  entries: z.array(z.string()),
});
export type SupportBundle = z.infer<typeof supportBundle>;

export const supportChannels = defineChannels({
  'support:createBundle': {
    input: empty,
    output: supportBundle,
    permission: 'station:maintain',
    summary: 'Make one zip for support: logs, versions, settings without secrets, verify output, database statistics, backups.',
  },
});
