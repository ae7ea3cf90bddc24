import { z } from 'zod';
import { defineChannels } from './define';
import { empty, operatorName, operatorView, pin } from './common';
import { languageTag } from './session';

export const verifyReport = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.string()),
  audit: z.object({
    ok: z.boolean(),
    rows: z.number().int(),
    problem: z.string().nullable(),
    rowId: z.number().nullable(),
    /** Rows from before the chain was keyed (checked as a plain SHA-256 chain). */
    unkeyedRows: z.number().int(),
    /** What could not be checked here (no key, no head), in plain words. */
    warnings: z.array(z.string()),
  }),
});
export type VerifyReport = z.infer<typeof verifyReport>;

export const stationChannels = defineChannels({
  'station:info': {
    input: empty,
    output: z.object({
      name: z.string(),
      version: z.string(),
      practiceMode: z.boolean(),
      needsFirstAdmin: z.boolean(),
      /**
       * The OS's preferred languages, most preferred first, where the front door can tell (the desktop
       * app); empty in the browser host, whose page asks the browser (navigator.languages) instead.
       */
      systemLanguages: z.array(languageTag),
    }),
    permission: 'public',
    summary: 'What this station is, and whether it still needs its first admin.',
  },
  'station:setupFirstAdmin': {
    input: z.strictObject({ name: operatorName, pin }),
    output: operatorView,
    permission: 'public',
    summary: 'First run only: create the first station admin.',
  },
  'station:verify': {
    input: empty,
    output: verifyReport,
    permission: 'settings:manage',
    summary: 'Check database integrity, foreign keys and the audit hash chain.',
  },
});
