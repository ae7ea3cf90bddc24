// Expected vs scanned: a supplier's or OEM's advance ship notice read into a batch's expected lines,
// and a reconciliation cheap enough to rerun on every change ("n of m" on the scan screen).
import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';
import { importFile, planSummary } from './import';

export const expectedLine = z.object({
  id: z.number().int(),
  line: z.number().int(),
  sourceFile: z.string(),
  pkid: z.string().nullable(),
  serial: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
});

export const unexpectedDevice = z.object({
  id: z.number().int(),
  pkid: z.string().nullable(),
  serial: z.string().nullable(),
  scannedBy: z.string(),
  scannedAt: z.number(),
});

export const reconciliation = z.object({
  expected: z.number().int(),
  scanned: z.number().int(),
  /** Expected lines with a live device of this batch (by PKID, or by serial when the line has no PKID). */
  matched: z.number().int(),
  missing: z.number().int(),
  unexpected: z.number().int(),
  missingLines: z.array(expectedLine),
  unexpectedDevices: z.array(unexpectedDevice),
});
export type Reconciliation = z.infer<typeof reconciliation>;

const expectedFile = { batchId: id, ...importFile, mode: z.enum(['replace', 'append']) };

export const expectedPreview = planSummary.extend({
  /** Pass back to expected:import: it proves the import writes what this preview showed. */
  token: z.string(),
  /** Expected lines the import would remove (mode replace), 0 when it adds. */
  replaces: z.number().int(),
  /** The first accepted lines, as they would be expected. */
  sample: z.array(z.object({ line: z.number().int(), pkid: z.string().nullable(), serial: z.string().nullable() })),
});
export type ExpectedPreview = z.infer<typeof expectedPreview>;

export const expectedChannels = defineChannels({
  'expected:preview': {
    input: z.strictObject(expectedFile),
    output: expectedPreview,
    permission: 'batches:review',
    summary: "Read a supplier's list and say, line by line, what importing it would expect; nothing is written.",
  },
  'expected:import': {
    input: z.strictObject({
      ...expectedFile,
      /** From expected:preview: refused when the file, the mode or the list changed since (optional for scripts). */
      token: z.string().regex(/^[0-9a-f]{64}$/, 'Preview the file first.').optional(),
    }),
    output: planSummary.extend({ imported: z.number().int(), replaced: z.number().int() }),
    permission: 'batches:review',
    summary: "Read a supplier's list (advance ship notice) into what a batch should contain.",
  },
  'expected:reconcile': {
    input: z.strictObject({ batchId: id, limit: z.number().int().min(0).max(1000).default(100) }),
    output: reconciliation,
    permission: 'station:use',
    summary: 'Expected vs scanned: matched, missing and unexpected lines of a batch.',
  },
});
