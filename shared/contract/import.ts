// Importing a supplier's or OEM's device list (CSV or plain text) into a batch: PKIDs, hardware hashes
// (Get-WindowsAutopilotInfo files) or serial + manufacturer + model. Preview first, then commit exactly
// what the preview showed, all rows or none.
import { z } from 'zod';
import { defineChannels } from './define';
import { id, identitySummary } from './common';

/** Largest file accepted: its base64 (4/3 of it) plus the JSON around it fits the browser host's 64 MB body. */
export const MAX_IMPORT_BYTES = 47 * 1024 * 1024;
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
/** Refused lines returned to the screen; the counts cover all of them. */
export const REFUSED_LINES_SHOWN = 1000;

export const importFile = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(MAX_IMPORT_BASE64, `A file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'The file content must be base64.'),
};

export const refusalReasons = [
  'bad-pkid',
  'no-pkid',
  'ragged',
  'duplicate-in-file',
  'serial-duplicate-in-file',
  'this-batch',
  'other-batch',
  'registered',
  'serial-elsewhere',
  'already-expected',
  'removed-in-file',
  'bad-value',
  'bad-hash',
  'no-identity',
  'remote-inventory',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const refusedLine = z.object({ line: z.number().int(), reason: z.enum(refusalReasons), message: z.string() });
export type RefusedLine = z.infer<typeof refusedLine>;

export const fileReading = z.object({
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  /** Column headings found for each field, or null for a headerless one-column file. */
  columns: z
    .object({ pkid: z.string().nullable(), serial: z.string().nullable(), manufacturer: z.string().nullable(), model: z.string().nullable(), hash: z.string().nullable().optional() })
    .nullable(),
  /** Data lines read (empty lines and the heading not counted). */
  rows: z.number().int(),
});
export type FileReading = z.infer<typeof fileReading>;

export const planSummary = fileReading.extend({
  accepted: z.number().int(),
  /** Lines whose hardware hash is attached to a box already in the batch (named by its PKID or serial). */
  attached: z.number().int().optional(),
  refusedCount: z.number().int(),
  refusedByReason: z.partialRecord(z.enum(refusalReasons), z.number().int()),
  refused: z.array(refusedLine),
});

export const importPreview = planSummary.extend({
  /** Pass back to import:commit: it proves the commit writes what this preview showed. */
  token: z.string(),
  sample: z.array(
    z.object({
      line: z.number().int(),
      /** '' when the line has no PKID. */
      pkid: z.string(),
      serial: z.string().nullable(),
      manufacturer: z.string().nullable(),
      model: z.string().nullable(),
      /** The identity the line would be sent with (always set by the core; optional for older callers). */
      identity: identitySummary.optional(),
    }),
  ),
  /** The first lines whose hash goes onto a line already in the batch. */
  attachSample: z.array(z.object({ line: z.number().int(), deviceId: z.number().int(), pkid: z.string().nullable(), serial: z.string().nullable() })).optional(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importChannels = defineChannels({
  'import:preview': {
    input: z.strictObject({ batchId: id, ...importFile }),
    output: importPreview,
    permission: 'batches:review',
    summary: 'Read a CSV or text file of devices (PKIDs, hardware hashes or serial + manufacturer + model) and say, line by line, what would be imported.',
  },
  'import:commit': {
    input: z.strictObject({ batchId: id, ...importFile, token: z.string().regex(/^[0-9a-f]{64}$/, 'Preview the file first.') }),
    output: planSummary.extend({ imported: z.number().int() }),
    permission: 'batches:review',
    summary: 'Import the previewed file into the batch: every accepted line, or nothing.',
  },
});
