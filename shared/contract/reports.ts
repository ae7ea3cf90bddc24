// Shift reports and the audit viewer.
import { z } from 'zod';
import { defineChannels } from './define';
import { id } from './common';

const range = {
  from: z.number().int().min(0),
  to: z.number().int().min(0),
};
const rangeInput = z.strictObject(range).refine((r) => r.to > r.from, { message: '"to" must be after "from".', path: ['to'] }).refine((r) => r.to - r.from <= 366 * 86_400_000, {
  message: 'A report covers at most a year.',
  path: ['to'],
});

export const shiftReport = z.object({
  from: z.number(),
  to: z.number(),
  timeZone: z.string(),
  /** Local hour ("2026-11-23 14:00") per operator. */
  scansPerHour: z.array(z.object({ hour: z.string(), operator: z.string(), count: z.number().int() })),
  batchesByState: z.array(z.object({ state: z.string(), count: z.number().int() })),
  /** Local day, dated by the upload that registered the device. */
  registeredPerDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
  errorCodes: z.array(z.object({ code: z.string(), text: z.string().nullable(), count: z.number().int() })),
  /** The same devices by the identity they were sent with (812 means one thing for a PKID, another for a tuple); null: none. */
  errorIdentities: z.array(z.object({ code: z.string(), identity: z.enum(['hash', 'pkid', 'tuple']).nullable(), count: z.number().int() })).optional(),
});
export type ShiftReport = z.infer<typeof shiftReport>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.number(),
  station: z.string(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  detail: z.string(),
  /** What happened, in words with names (shared/domain/audit-words.ts). */
  summary: z.string(),
  /** The object by name ("batch Dock-A", "PKID 3512345678901"); null when the row has none. */
  objectName: z.string().nullable(),
});

export const chainStatus = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  problem: z.string().nullable(),
  rowId: z.number().nullable(),
  unkeyedRows: z.number().int(),
  warnings: z.array(z.string()),
});

export const reportChannels = defineChannels({
  'reports:shift': {
    input: rangeInput,
    output: shiftReport,
    permission: 'batches:review',
    summary: 'Scans per hour per operator, batches by state, registrations per day, error codes.',
  },
  'reports:exportCsv': {
    input: rangeInput,
    output: z.object({ fileName: z.string(), csv: z.string() }),
    permission: 'batches:review',
    summary: 'The shift report as CSV.',
  },
  'audit:list': {
    input: z.strictObject({
      operatorId: id.optional(),
      action: z.string().trim().min(1).max(64).optional(),
      /** Rows about this batch: the batch itself, and lines whose detail names it. */
      batchId: id.optional(),
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
      /** Keyset paging, newest first: rows with a smaller id than this. */
      before: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      /** Walk the whole hash chain too (once per screen, not per page). */
      verify: z.boolean().default(true),
    }),
    output: z.object({ rows: z.array(auditEntry), nextBefore: z.number().int().nullable(), chain: chainStatus.nullable() }),
    permission: 'audit:read',
    summary: 'The audit trail, filtered and paged, with the hash chain checked.',
  },
});
