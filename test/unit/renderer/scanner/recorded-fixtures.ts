import { z } from 'zod';

// Recorded keydown timings in test/fixtures/scanner/*.json: what a scanner (or a person) sent, with the
// bursts the detector must make of them. Every file is picked up, so a new recording is a new test.

const KeySchema = z.object({
  key: z.string(),
  code: z.string(),
  time: z.number(),
  altKey: z.boolean().optional(),
  ctrlKey: z.boolean().optional(),
  shiftKey: z.boolean().optional(),
  repeat: z.boolean().optional(),
});

const ExpectedSchema = z.object({
  text: z.string(),
  typed: z.string().optional(),
  accepted: z.boolean(),
  terminator: z.enum(['Enter', 'Tab', 'silence', 'interrupted']),
  recoveredFromCodes: z.boolean(),
});

const FixtureSchema = z.object({ description: z.string().min(1), events: z.array(KeySchema).min(1), expected: z.array(ExpectedSchema) });

export type RecordedKey = z.infer<typeof KeySchema>;
export type Recording = z.infer<typeof FixtureSchema> & { readonly name: string };

const files = import.meta.glob<unknown>('../../../fixtures/scanner/*.json', { eager: true, import: 'default' });

export const recordings: readonly Recording[] = Object.entries(files).map(([path, json]) => ({
  name: path.replace(/^.*\/(.+)\.json$/, '$1'),
  ...FixtureSchema.parse(json),
}));

export function recording(name: string): Recording {
  const found = recordings.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no fixture test/fixtures/scanner/${name}.json`);
  return found;
}
