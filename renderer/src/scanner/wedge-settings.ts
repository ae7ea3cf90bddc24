import { z } from 'zod';
import { DEFAULT_PACE } from '../../../shared/domain/wedge/pace';

// Thresholds telling a keyboard-wedge scanner from a person (see shared/domain/wedge/pace.ts for the
// two paths). Defaults take USB scanners (8–25 ms per key) on the fast path and Bluetooth ones up to
// 45 ms per key with a stall or two up to 100 ms on the slow path, which needs an Enter/Tab suffix and
// even gaps; fast typists (40–70 ms, uneven) stay out.
export const WedgeSettingsSchema = z
  .object({
    /** Fewest characters a scan has (the Enter/Tab suffix not counted). */
    minLength: z.number().int().min(2).max(64),
    /** Fast path: largest mean gap between keys (stalls left out), in ms. */
    maxMeanGapMs: z.number().positive().max(1000),
    /** Slow path (bursts ending in Enter/Tab with even gaps): largest mean gap, in ms. */
    slowMeanGapMs: z.number().positive().max(1000),
    /** Largest single gap between keys of a scan (a stall), in ms. */
    maxGapMs: z.number().positive().max(1000),
    /** A pause this long ends a burst with no Enter/Tab suffix, in ms. */
    silenceMs: z.number().positive().max(5000),
  })
  .refine((s) => s.maxMeanGapMs <= s.maxGapMs, { message: 'the mean gap limit cannot exceed the single-gap limit', path: ['maxMeanGapMs'] });

export type WedgeSettings = z.infer<typeof WedgeSettingsSchema>;

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = Object.freeze({
  minLength: DEFAULT_PACE.minLength,
  maxMeanGapMs: DEFAULT_PACE.fastMeanMs,
  slowMeanGapMs: DEFAULT_PACE.slowMeanMs,
  maxGapMs: DEFAULT_PACE.maxGapMs,
  // Above the longest stall, so a stall never ends a scan early.
  silenceMs: 150,
});

/** Defaults overlaid with `partial`; throws a ZodError on values no scanner could need (e.g. minLength 1). */
export function resolveWedgeSettings(partial: Partial<WedgeSettings> = {}): WedgeSettings {
  return WedgeSettingsSchema.parse({ ...DEFAULT_WEDGE_SETTINGS, ...partial });
}
