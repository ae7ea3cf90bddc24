// Events pushed from the core to every front door. db:changed carries the tables a commit touched so
// screens reload only what changed.
import { z } from 'zod';
import { operatorView } from './common';
import { syncStatus } from './sync';
import { backupProgress } from './backup';

export const tableNames = ['operators', 'customers', 'batches', 'devices', 'expected', 'uploads', 'remoteDevices', 'remoteBatches', 'deregistrations', 'audit', 'settings'] as const;
export type TableName = (typeof tableNames)[number];

export const eventSchemas = {
  'db:changed': z.object({ tables: z.array(z.enum(tableNames)) }),
  'session:changed': z.object({
    sessionId: z.string(),
    state: z.enum(['signedIn', 'signedOut', 'expired']),
    operator: operatorView.nullable(),
  }),
  'sync:status': syncStatus,
  'backup:progress': backupProgress,
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
