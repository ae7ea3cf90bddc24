// The shift lead's desk: one batch's devices (filtered, paged by keyset or by position), "where is this box?" across
// every batch, and audited corrections (remove, restore, fix). PKIDs are never edited: a wrong PKID
// is removed and the box scanned again.
import { z } from 'zod';
import { defineChannels } from './define';
import { id, identitySummary } from './common';
import { importFile } from './import';

export const deviceStateNames = ['scanned', 'queued', 'sending', 'registered', 'failed'] as const;
export const deviceSourceNames = ['wedge', 'camera', 'import'] as const;
/** live = every state but removed; all = removed lines too. */
export const deviceStateFilters = [...deviceStateNames, 'removed', 'live', 'all'] as const;

export const REVIEW_PAGE_MAX = 1000;

const reason = z
  .string()
  .trim()
  .min(3, 'Say why, in a few words (at least 3 characters): it goes into the audit trail.')
  .max(200, 'A reason has at most 200 characters.');

// Serials, makes and models end up in Partner Center's CSV, which cannot carry commas, quotes or line
// breaks; refuse them here rather than alter them at export.
const deviceText = z
  .string()
  .trim()
  .max(64, 'At most 64 characters.')
  .refine((s) => !/[,"\p{Cc}]/u.test(s), 'No commas, quotes or control characters (Partner Center CSV cannot carry them).')
  .transform((s) => (s.length === 0 ? null : s))
  .nullable();

export const reviewDevice = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  pkid: z.string().nullable(),
  serial: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  hasHardwareHash: z.boolean(),
  /** Which identity upload and export will send for this line (shared/domain/identity.ts), or why it has none. */
  identity: identitySummary,
  source: z.enum(deviceSourceNames),
  scannedById: z.number().int(),
  scannedBy: z.string(),
  scannedAt: z.number(),
  state: z.enum(deviceStateNames),
  removed: z.boolean(),
  removedBy: z.string().nullable(),
  removedAt: z.number().nullable(),
  removedReason: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  remoteDeviceId: z.string().nullable(),
  /** In a fleet: the hub gave this box to another dock, which scanned it first. */
  heldElsewhere: z.object({ stationName: z.string(), batchName: z.string(), operatorName: z.string(), scannedAt: z.number() }).nullable(),
});
export type ReviewDevice = z.infer<typeof reviewDevice>;

const count = z.number().int();

export const reviewTotals = z.object({
  /** Rows matching every filter given (state included). */
  matching: count,
  /** Per state, with the operator/source/search filters applied but not the state filter. */
  byState: z.object({ all: count, live: count, removed: count, scanned: count, queued: count, sending: count, registered: count, failed: count }),
  /** Live lines per operator and per source in the whole batch: what the filter pickers offer. */
  byOperator: z.array(z.object({ operatorId: z.number().int(), name: z.string(), count })),
  bySource: z.array(z.object({ source: z.enum(deviceSourceNames), count })),
});
export type ReviewTotals = z.infer<typeof reviewTotals>;

export const foundDevice = reviewDevice.extend({ batchName: z.string(), batchState: z.string() });
export type FoundDevice = z.infer<typeof foundDevice>;

/** Which of a batch's lines a list shows (review:devices and review:rows take the same). */
const listFilters = {
  batchId: id,
  limit: z.number().int().min(1).max(REVIEW_PAGE_MAX).default(200),
  state: z.enum(deviceStateFilters).default('live'),
  operatorId: id.optional(),
  source: z.enum(deviceSourceNames).optional(),
  /** PKID or serial prefix, or part of the make or model. */
  search: z.string().trim().max(64).optional(),
};

export const reviewChannels = defineChannels({
  'review:devices': {
    input: z.strictObject({
      ...listFilters,
      /** Keyset paging: rows with a larger id than this (scan order). */
      after: z.number().int().min(0).optional(),
    }),
    output: z.object({ rows: z.array(reviewDevice), nextAfter: z.number().int().nullable(), totals: reviewTotals }),
    permission: 'batches:review',
    summary: "One batch's lines for review, filtered and paged.",
  },
  'review:rows': {
    input: z.strictObject({
      ...listFilters,
      /** Position in the filtered list (0 = its first line, scan order): any row at once, no walk. */
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    }),
    output: z.object({ rows: z.array(reviewDevice), offset: z.number().int() }),
    permission: 'batches:review',
    summary: "One batch's lines for review from a position in the filtered list (no counts: review:devices has them).",
  },
  'review:find': {
    input: z.strictObject({ query: z.string().trim().min(1, 'Type or scan a PKID or a serial.').max(128) }),
    output: z.object({ matches: z.array(foundDevice), truncated: z.boolean() }),
    permission: 'station:use',
    summary: 'Where is this box? A PKID (exact) or serial (prefix) across every batch.',
  },
  'review:removeDevice': {
    input: z.strictObject({ deviceId: id, reason }),
    output: reviewDevice,
    permission: 'batches:review',
    summary: 'Remove a line from a batch under review, saying why.',
  },
  'review:restoreDevice': {
    input: z.strictObject({ deviceId: id, reason }),
    output: reviewDevice,
    permission: 'batches:review',
    summary: 'Put a removed line back, saying why.',
  },
  'review:fixDevice': {
    input: z.strictObject({
      deviceId: id,
      serial: deviceText.optional(),
      manufacturer: deviceText.optional(),
      model: deviceText.optional(),
      pkid: z.never({ error: 'A PKID is never edited: remove the line and scan the box again.' }).optional(),
      reason,
    }),
    output: reviewDevice,
    permission: 'batches:review',
    summary: "Correct a line's serial, make or model, saying why; refused when the line would be left without an identity or would repeat another box.",
  },
  'review:attachHash': {
    input: z.strictObject({ deviceId: id, ...importFile, reason }),
    output: reviewDevice,
    permission: 'batches:review',
    summary: "Attach the hardware hash from a Get-WindowsAutopilotInfo CSV to a line (before approval) or to a device Partner Center refused, so it registers by its hash; saying why.",
  },
});
