import { z } from 'zod';
import { defineChannels } from './define';
import { empty, id } from './common';
import { batchName } from './batches';

// needs-attention: nothing left to send, but devices Partner Center refused wait for a person.
export const syncStates = ['not-configured', 'idle', 'needs-attention', 'working', 'waiting', 'offline', 'sign-in-needed', 'stopped'] as const;

export const syncStatus = z.object({
  state: z.enum(syncStates),
  /** One line for the status bar, e.g. "Offline: 1,240 devices waiting". */
  message: z.string(),
  waitingDevices: z.number().int(),
  /** Devices Partner Center refused that nobody has retried, moved or removed yet. */
  attentionDevices: z.number().int(),
  active: z.object({ batchId: z.number().int(), batchName: z.string(), done: z.number().int(), total: z.number().int() }).nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.number(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncChannels = defineChannels({
  'sync:status': {
    input: empty,
    output: syncStatus,
    permission: 'station:use',
    summary: 'Upload status for the status bar.',
  },
  'sync:now': {
    input: empty,
    output: syncStatus,
    permission: 'batches:approve',
    summary: 'Try due uploads now instead of waiting for the next attempt.',
  },
  'uploads:retryFailed': {
    input: z.strictObject({ batchId: id, deviceIds: z.array(id).max(100_000).optional() }),
    output: z.object({ queued: z.number().int(), chunks: z.number().int() }),
    permission: 'batches:approve',
    summary: 'Send failed devices of a batch again, as a new chunk.',
  },
  'uploads:moveFailed': {
    input: z.strictObject({ batchId: id, newBatchName: batchName }),
    output: z.object({ batchId: z.number().int(), moved: z.number().int() }),
    permission: 'batches:approve',
    summary: 'Move the failed devices of a batch into a new open batch.',
  },
});
