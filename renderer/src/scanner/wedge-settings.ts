import { z } from 'zod';

// Thresholds telling a keyboard-wedge scanner from a person. Defaults sit between onscan.js (30 ms mean)
// and Odoo (100–150 ms max gap); scanners measured here type a key every 8–25 ms (design note scanning.md).
export const WedgeSettingsSchema = z
  .object({
    /** Fewest characters a scan has (the Enter/Tab suffix not counted). */
    minLength: z.number().int().min(2).max(64),
    /** Largest mean gap between keys of a scan, in ms. */
    maxMeanGapMs: z.number().positive().max(1000),
    /** Largest single gap between keys of a scan, in ms. */
    maxGapMs: z.number().positive().max(1000),
    /** A pause this long ends a burst with no Enter/Tab suffix, in ms. */
    silenceMs: z.number().positive().max(5000),
  })
  .refine((s) => s.maxMeanGapMs <= s.maxGapMs, { message: 'the mean gap limit cannot exceed the single-gap limit', path: ['maxMeanGapMs'] });

export type WedgeSettings = z.infer<typeof WedgeSettingsSchema>;

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = Object.freeze({ minLength: 6, maxMeanGapMs: 35, maxGapMs: 80, silenceMs: 100 });

/** Defaults overlaid with `partial`; throws a ZodError on values no scanner could need (e.g. minLength 1). */
export function resolveWedgeSettings(partial: Partial<WedgeSettings> = {}): WedgeSettings {
  return WedgeSettingsSchema.parse({ ...DEFAULT_WEDGE_SETTINGS, ...partial });
}
