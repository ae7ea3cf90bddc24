import { z } from 'zod';
import { defineChannels } from './define';
import { empty } from './common';

export const fleetStatus = z.object({
  member: z.boolean(),
  /** The hub URL as kept: never with a password. */
  hub: z.string().nullable(),
  stationName: z.string().nullable(),
  /** Null when not probed (or not in a fleet). */
  reachable: z.boolean().nullable(),
  /** Why not, as a sentence, when not reachable. */
  problem: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** Device lines whose identities the hub has not confirmed yet. */
  waitingForConfirmation: z.number().int(),
  /** Identities the hub gave to another dock (the lines are flagged). */
  duplicates: z.number().int(),
  password: z.enum(['saved', 'given', 'missing']),
  /** Which station holds which customer's upload lease (empty when the hub was not reached). */
  uploadLeases: z.array(z.object({ customerTenantId: z.string(), stationName: z.string(), expiresAt: z.string() })),
  /** The other docks' batches as they last pushed them (empty when the hub was not reached). */
  otherBatches: z.array(z.object({ stationName: z.string(), batchName: z.string(), state: z.string(), devices: z.number().int(), updatedAt: z.string() })),
  /** Stations (this one or another) whose audit chain the hub refused as no successor of its anchor (empty when the hub was not reached). */
  auditMismatches: z.array(z.object({ stationName: z.string(), message: z.string() })),
});
export type FleetStatus = z.infer<typeof fleetStatus>;

export const fleetRound = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  /** Lines the hub gave to another dock in this round. */
  flagged: z.number().int(),
  /** Boxes this station gave back (its lines were removed). */
  released: z.number().int(),
  /** This station's lines that got back a box another dock gave up. */
  reclaimed: z.number().int(),
});
export type FleetRound = z.infer<typeof fleetRound>;

export const fleetChannels = defineChannels({
  'fleet:status': {
    input: empty,
    output: fleetStatus,
    permission: 'batches:review',
    summary: "The station's fleet link: the hub, whether it answers now, last push and pull, lines waiting for confirmation or held by another dock, upload leases.",
  },
  'fleet:syncNow': {
    input: empty,
    output: fleetRound,
    permission: 'batches:review',
    summary: 'Push to and pull from the fleet hub now, instead of waiting for the next round.',
  },
});
