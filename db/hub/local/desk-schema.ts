// The lead's desk in a fleet, in the station's own SQLite: the copy of the other docks' batches (as of
// the last pull, so the list works offline), the requests this station's leads sent to other docks
// (kept until the owner answered), and the requests other docks sent here with how this station
// answered them (written in the same transaction as the act, so a crash before the hub heard the
// answer never carries a request out twice).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const epochMs = (name: string) => integer(name, { mode: 'number' });
const actions = ['approve', 'reopen'] as const;
const outcomes = ['done', 'refused'] as const;

export const fleetBatches = sqliteTable(
  'fleet_batches',
  {
    stationId: text('station_id').notNull(),
    stationName: text('station_name').notNull(),
    batchName: text('batch_name').notNull(),
    state: text('state').notNull(),
    devices: integer('devices').notNull(),
    createdBy: text('created_by'),
    createdAt: epochMs('created_at'),
    /** When the owning dock last pushed the row (the hub's clock). */
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.batchName] })],
);

export const fleetRequestsOut = sqliteTable(
  'fleet_requests_out',
  {
    // The station's own sequence: the hub keys the request by (this station, seq), so a resend is harmless.
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    toStationId: text('to_station_id').notNull(),
    toStationName: text('to_station_name').notNull(),
    batchName: text('batch_name').notNull(),
    action: text('action', { enum: actions }).notNull(),
    customerTenantId: text('customer_tenant_id'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: epochMs('requested_at').notNull(),
    /** Null until the hub took the request. */
    hubId: integer('hub_id'),
    sentAt: epochMs('sent_at'),
    outcome: text('outcome', { enum: outcomes }),
    reason: text('reason'),
    answeredAt: epochMs('answered_at'),
  },
  (t) => [
    index('fleet_requests_out_batch').on(t.toStationId, t.batchName, t.seq),
    check('fleet_requests_out_action_check', sql`${t.action} in ('approve', 'reopen')`),
    check('fleet_requests_out_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('done', 'refused')`),
  ],
);

export const fleetRequestsIn = sqliteTable(
  'fleet_requests_in',
  {
    hubId: integer('hub_id').primaryKey(),
    fromStationName: text('from_station_name').notNull(),
    batchName: text('batch_name').notNull(),
    action: text('action', { enum: actions }).notNull(),
    requestedBy: text('requested_by').notNull(),
    outcome: text('outcome', { enum: outcomes }).notNull(),
    reason: text('reason'),
    handledAt: epochMs('handled_at').notNull(),
    /** Null until the hub has the answer. */
    reportedAt: epochMs('reported_at'),
  },
  (t) => [
    check('fleet_requests_in_action_check', sql`${t.action} in ('approve', 'reopen')`),
    check('fleet_requests_in_outcome_check', sql`${t.outcome} in ('done', 'refused')`),
  ],
);
