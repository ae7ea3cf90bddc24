import { z } from 'zod';
import { batchNameProblem, batchStates } from '../domain/batch';
import { defineChannels } from './define';
import { id } from './common';

export const batchName = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .superRefine((value, ctx) => {
    const problem = batchNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const batchSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(batchStates),
  deviceCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.number(),
  closedAt: z.number().nullable(),
  customerTenantId: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof batchSummary>;

export const batchChannels = defineChannels({
  'batches:create': {
    input: z.strictObject({ name: batchName }),
    output: batchSummary,
    permission: 'station:use',
    summary: 'Start a new batch (its name becomes the Partner Center batch id).',
  },
  'batches:list': {
    input: z.strictObject({ states: z.array(z.enum(batchStates)).max(batchStates.length).optional() }),
    output: z.array(batchSummary),
    permission: 'station:use',
    summary: 'Batches with their device counts, newest first.',
  },
  'batches:get': {
    input: z.strictObject({ id }),
    output: batchSummary,
    permission: 'station:use',
    summary: 'One batch with its device count.',
  },
  'batches:close': {
    input: z.strictObject({ id }),
    output: batchSummary,
    permission: 'station:use',
    summary: 'Close an open batch: ready for review.',
  },
  'batches:reopen': {
    input: z.strictObject({ id }),
    output: batchSummary,
    permission: 'batches:review',
    summary: 'Reopen a closed batch for more scanning (shift lead).',
  },
});
