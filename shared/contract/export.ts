// Exports of a batch as CSV text: the Partner Center upload file, or the full report.
import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';

export const exportFormats = ['partner-center', 'report'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportProblem = z.object({ line: z.number().int(), deviceId: z.number().int(), field: z.string(), message: z.string() });
export type ExportProblem = z.infer<typeof exportProblem>;

export const exportChannels = defineChannels({
  'export:batch': {
    input: z.strictObject({ batchId: id, format: z.enum(exportFormats) }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    permission: 'batches:review',
    summary: 'A batch as CSV: the Partner Center upload file or the full report.',
  },
});
