// A learned scanner: its pace, its framing (prefix, AIM identifier, suffix, terminator), how it sends
// GS, and what each of its key presses means. Kept as one station setting (JSON), changed by admins.
import { z } from 'zod';
import { keyIdOf, type Keystroke } from './keystroke';
import { typedAsUs } from './us-keys';

export const GS_METHODS = ['ctrl-bracket', 'alt-code', 'text', 'dropped', 'none'] as const;
export type GsMethod = (typeof GS_METHODS)[number];

const limits = z.object({
  minLength: z.number().int().min(2).max(64),
  fastMeanMs: z.number().positive().max(300),
  slowMeanMs: z.number().positive().max(300),
  maxGapMs: z.number().positive().max(1000),
  maxStalls: z.number().int().min(0).max(10),
  maxSpread: z.number().positive().max(5),
});

export const ScannerProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(60),
  learnedAt: z.number().int().nonnegative(),
  samples: z.number().int().min(1).max(50),
  pace: limits,
  /** What was measured, for the test page: mean pace and longest gap over the samples, ms. */
  measured: z.object({ paceMs: z.number().nonnegative(), maxGapMs: z.number().nonnegative(), stalls: z.number().int().nonnegative() }),
  terminator: z.enum(['Enter', 'Tab', 'none']),
  prefix: z.string().max(20),
  suffix: z.string().max(20),
  /** The AIM identifier the scanner sends first, e.g. "]C0" (Code 128), or null when it sends none. */
  aim: z.string().regex(/^\][A-Za-z][0-9A-Za-z]$/).nullable(),
  gs: z.object({ method: z.enum(GS_METHODS), text: z.string().max(10) }),
  /** keyIdOf(keystroke) -> the character it stands for on this scanner. */
  keymap: z.record(z.string().max(40), z.string().min(1).max(2)),
  /** Plain words about the layout, e.g. "the scanner types US key positions; this PC's layout swaps Y and Z". */
  layoutNote: z.string().max(300),
  warnings: z.array(z.string().max(300)).max(10),
});
export type ScannerProfile = z.infer<typeof ScannerProfileSchema>;

/** The station setting: every scanner it knows, tried in this order (those with a prefix first). */
export const ScannerProfilesSchema = z.array(ScannerProfileSchema).max(20).refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'two scanner profiles share an id');

export interface ProfileReading {
  readonly text: string;
  /** Some key was not in the map and typed something other than its US character. */
  readonly unmapped: boolean;
}

/** The characters the keystrokes stand for on this scanner, with the learned prefix and suffix taken
 * off; undefined when the burst lacks the profile's prefix (another scanner sent it). */
export function readWithProfile(keys: readonly Keystroke[], profile: ScannerProfile): ProfileReading | undefined {
  let unmapped = false;
  let text = '';
  for (const k of keys) {
    if (k.composed !== undefined) {
      text += k.key;
      continue;
    }
    const mapped = profile.keymap[keyIdOf(k)];
    if (mapped !== undefined) text += mapped;
    else {
      text += k.key;
      if (typedAsUs(k.key, k.code, k.shift) === false) unmapped = true;
    }
  }
  if (profile.prefix !== '') {
    if (!text.startsWith(profile.prefix)) return undefined;
    text = text.slice(profile.prefix.length);
  }
  if (profile.suffix !== '' && text.endsWith(profile.suffix)) text = text.slice(0, -profile.suffix.length);
  if (profile.gs.method === 'text' && profile.gs.text !== '') text = text.split(profile.gs.text).join('\u001d');
  return { text, unmapped };
}
