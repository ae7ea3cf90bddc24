// The lead's desk across the fleet: every dock's batches (this station's from its own database, the
// others' from the copy of the last pull), requests to the dock that owns a batch to approve or reopen
// it (that dock's rules decide, on its next round), where a box is at another dock, and the lines the
// hub gave to another dock (for the scan screen, so an accepted line turns amber once the hub answered).
import { z } from 'zod';
import { defineChannels } from './define';
import { empty, id } from './common';

export const requestAction = z.enum(['approve', 'reopen']);
export type RequestAction = z.infer<typeof requestAction>;

export const sentRequest = z.object({
  seq: z.number().int(),
  action: requestAction,
  requestedBy: z.string(),
  requestedAt: z.number(),
  /** The hub has it (the owning dock picks it up on its next round). */
  sent: z.boolean(),
  /** Null while the owning dock has not answered. */
  outcome: z.enum(['done', 'refused']).nullable(),
  reason: z.string().nullable(),
  answeredAt: z.number().nullable(),
});
export type SentRequest = z.infer<typeof sentRequest>;

export const deskBatch = z.object({
  stationName: z.string(),
  batchName: z.string(),
  state: z.string(),
  devices: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.number().nullable(),
  /** This station's own batch (open it in review); another dock's otherwise (read-only here). */
  own: z.boolean(),
  /** This station's batch id, for own rows. */
  batchId: z.number().int().nullable(),
  /** This station's lines of the batch that the hub gave to another dock (own rows; 0 for the others'). */
  heldElsewhere: z.number().int(),
  /** The newest request this station sent about another dock's batch. */
  request: sentRequest.nullable(),
});
export type DeskBatch = z.infer<typeof deskBatch>;

export const deskView = z.object({
  member: z.boolean(),
  stationName: z.string().nullable(),
  /** When the copy of the other docks was last pulled (epoch ms), null before the first pull. */
  asOf: z.number().nullable(),
  /** The last round's trouble as a sentence, when the hub could not be reached. */
  problem: z.string().nullable(),
  /** The other docks that have batches in the copy, by name. */
  otherStations: z.array(z.string()),
  batches: z.array(deskBatch),
});
export type DeskView = z.infer<typeof deskView>;

export const boxElsewhere = z.object({
  pkid: z.string().nullable(),
  serial: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  stationName: z.string(),
  batchName: z.string(),
  operatorName: z.string(),
  scannedAt: z.number(),
});
export type BoxElsewhere = z.infer<typeof boxElsewhere>;

export const lineFlag = z.object({ deviceId: z.number().int(), stationName: z.string(), batchName: z.string(), operatorName: z.string(), scannedAt: z.number() });
export type LineFlagView = z.infer<typeof lineFlag>;

const name = z.string().trim().min(1).max(100);

export const fleetDeskChannels = defineChannels({
  'fleet:batches': {
    input: empty,
    output: deskView,
    permission: 'batches:review',
    summary: "Every dock's batches: this station's, and the other docks' as of the last pull, with this station's requests about them.",
  },
  'fleet:requestBatch': {
    input: z.strictObject({ stationName: name, batchName: name, action: requestAction, customerTenantId: z.string().trim().min(1).max(100).optional() }),
    output: sentRequest,
    permission: 'batches:approve',
    summary: "Ask the dock that owns a batch to approve it (for a customer) or reopen it; that dock's own rules decide on its next round.",
  },
  'fleet:findBox': {
    input: z.strictObject({ query: z.string().trim().min(1).max(128) }),
    output: z.object({ matches: z.array(boxElsewhere), truncated: z.boolean() }),
    permission: 'station:use',
    summary: 'Where is this box at the other docks? A PKID (exact) or serial (prefix) in the copy of their identities, as of the last pull.',
  },
  'fleet:lineFlags': {
    input: z.strictObject({ deviceIds: z.array(id).max(200) }),
    output: z.array(lineFlag),
    permission: 'station:use',
    summary: 'Which of these lines the hub gave to another dock, with where each box was first scanned.',
  },
});
