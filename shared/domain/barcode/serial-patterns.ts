import { z } from 'zod';
import defaultPatternsJson from './serial-patterns.json' with { type: 'json' };

// The OEM serial formats are guesses that will be corrected on the dock, so they live in data
// (serial-patterns.json) and this file only checks and compiles them.

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

const PatternSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  manufacturer: z.string().trim().min(1).optional(),
  description: z.string().min(1),
  regex: z
    .string()
    .refine((s) => s.startsWith('^') && s.endsWith('$'), 'must be anchored with ^ and $: a pattern matches a whole read')
    .refine(compiles, 'is not a valid regular expression')
    .refine((s) => s.includes('(?<serial>'), 'needs a named group (?<serial>…) holding the serial'),
  example: z.string().min(1),
});

const PatternFileSchema = z
  .object({
    note: z.string().min(1),
    version: z.literal(1),
    patterns: z.array(PatternSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.patterns.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['patterns', i, 'id'], message: `duplicate id ${p.id}` });
      seen.add(p.id);
      // The example is the pattern's own test: a pattern that rejects its example is a typo.
      if (compiles(p.regex) && !new RegExp(p.regex, 'u').test(p.example)) {
        ctx.addIssue({ code: 'custom', path: ['patterns', i, 'example'], message: `example ${p.example} does not match ${p.regex}` });
      }
    });
  });

export type SerialPatternFile = z.infer<typeof PatternFileSchema>;

export interface SerialPattern {
  readonly id: string;
  readonly manufacturer: string | undefined;
  readonly regex: RegExp;
}

export interface SerialMatch {
  readonly pattern: string;
  readonly serial: string;
  readonly manufacturer: string | undefined;
  /** Present when the barcode also carries the model (Lenovo's machine type + model). */
  readonly model: string | undefined;
}

/** Validates a pattern file (e.g. serial-patterns.json) and compiles it. Throws a ZodError naming the bad entry. */
export function parseSerialPatterns(input: unknown): readonly SerialPattern[] {
  const file = PatternFileSchema.parse(input);
  return file.patterns.map((p) => ({ id: p.id, manufacturer: p.manufacturer, regex: new RegExp(p.regex, 'u') }));
}

export const DEFAULT_SERIAL_PATTERNS: readonly SerialPattern[] = parseSerialPatterns(defaultPatternsJson);

/** First pattern that matches the whole (already upper-cased) value. */
export function matchSerial(value: string, patterns: readonly SerialPattern[] = DEFAULT_SERIAL_PATTERNS): SerialMatch | undefined {
  for (const p of patterns) {
    const groups = p.regex.exec(value)?.groups;
    const serial = groups?.['serial'];
    if (serial === undefined || serial === '') continue;
    return { pattern: p.id, serial, manufacturer: p.manufacturer, model: groups?.['model'] };
  }
  return undefined;
}
