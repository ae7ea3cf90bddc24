import { z } from 'zod';
import { defineChannels } from './define';
import { empty } from './common';

export const backupKinds = ['scheduled', 'on-demand', 'before-migration', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupResult = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  tookMs: z.number().int(),
});
export type BackupResult = z.infer<typeof backupResult>;

export const backupEntry = z.object({
  fileName: z.string(),
  path: z.string(),
  kind: z.enum(backupKinds),
  bytes: z.number().int(),
  /** When the copy was taken (ms since epoch). */
  at: z.number().int(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupListing = z.object({
  dir: z.string(),
  backups: z.array(backupEntry),
  /** The schedule, so the screen can say when the next copy is due (0 = scheduled backups are off). */
  intervalHours: z.number(),
  keep: z.number().int(),
  running: z.boolean(),
});
export type BackupListing = z.infer<typeof backupListing>;

/**
 * A running backup's progress, pushed as the `backup:progress` event: once when it starts, at most a few
 * times a second while it copies, and once when it ends (running false, with how it ended), so every
 * screen can show it, whoever started it (the schedule, another screen, the CLI's own station).
 */
export const backupProgress = z.object({
  running: z.boolean(),
  kind: z.enum(backupKinds),
  copiedPages: z.number().int().nonnegative(),
  /** The database's size in pages; known from the first copy step (0 before it for an empty database). */
  totalPages: z.number().int().nonnegative(),
  /** Null while running; then whether the copy was written and checked. */
  outcome: z.enum(['ok', 'failed']).nullable(),
});
export type BackupProgressEvent = z.infer<typeof backupProgress>;

export const backupChannels = defineChannels({
  'backup:run': {
    input: empty,
    output: backupResult,
    permission: 'station:maintain',
    summary: 'Back up the station database now (the station keeps working meanwhile).',
  },
  'backup:list': {
    input: empty,
    output: backupListing,
    permission: 'station:maintain',
    summary: 'List the database backups in the data folder, newest first, and the schedule.',
  },
});
