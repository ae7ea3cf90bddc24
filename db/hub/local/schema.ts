// The station's side of the fleet, in its own SQLite: its link to the hub, its outbox of identities
// (one row per identity of a device line, numbered by the station's own sequence) with the hub's verdict
// once it came, and the copy of the other stations' identities, so an offline dock still catches a box
// another dock scanned before its last pull.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { devices } from '../../schema';

const epochMs = (name: string) => integer(name, { mode: 'number' });

export const fleetLink = sqliteTable(
  'fleet_link',
  {
    // One row: a station is in one fleet or none.
    id: integer('id').primaryKey(),
    // Without its password (that is kept encrypted beside the database, see electron/core/fleet/hub-secret.ts).
    hubUrl: text('hub_url').notNull(),
    stationName: text('station_name').notNull(),
    joinedAt: epochMs('joined_at').notNull(),
    lastPushAt: epochMs('last_push_at'),
    lastPullAt: epochMs('last_pull_at'),
    lastError: text('last_error'),
    lastErrorAt: epochMs('last_error_at'),
    // The hub identity id pulled up to (the hub hands ids out in commit order).
    pullCursor: integer('pull_cursor').notNull().default(0),
    // The devices.id enqueued up to: newer device lines are new outbox rows.
    enqueuedDeviceId: integer('enqueued_device_id').notNull().default(0),
    // The hub's release id pulled up to (boxes other docks gave back).
    releaseCursor: integer('release_cursor').notNull().default(0),
    // The hub's operator change id pulled up to.
    operatorCursor: integer('operator_cursor').notNull().default(0),
  },
  (t) => [check('fleet_link_one_row', sql`${t.id} = 1`)],
);

export const fleetOutbox = sqliteTable(
  'fleet_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id),
    kind: text('kind', { enum: ['pkid', 'hash', 'tuple'] }).notNull(),
    createdAt: epochMs('created_at').notNull(),
    // Null until the hub answered: the line waits for confirmation.
    verdict: text('verdict', { enum: ['kept', 'duplicate'] }),
    confirmedAt: epochMs('confirmed_at'),
    // Where the box was first scanned, when the hub says another dock has it.
    firstStation: text('first_station'),
    firstBatch: text('first_batch'),
    firstOperator: text('first_operator'),
    firstScannedAt: epochMs('first_scanned_at'),
    // When the hub took back the identity of a removed line (kept rows only).
    releasedAt: epochMs('released_at'),
    // Set by the trigger fleet_outbox_line_changed (migration 0015) when the line's value of this kind
    // changed after the row was made (a lead fixed a serial, a hash was replaced): 1 = give the old value
    // back to the hub and claim the new one; 2 = only claim the new one (another live line here still
    // has the old value and relies on the same hub identity).
    changed: integer('changed').notNull().default(0),
  },
  (t) => [
    uniqueIndex('fleet_outbox_device_kind').on(t.deviceId, t.kind),
    index('fleet_outbox_changed').on(t.seq).where(sql`${t.changed} <> 0`),
    index('fleet_outbox_waiting').on(t.seq).where(sql`${t.verdict} is null`),
    check('fleet_outbox_kind_check', sql`${t.kind} in ('pkid', 'hash', 'tuple')`),
    check('fleet_outbox_verdict_check', sql`${t.verdict} is null or ${t.verdict} in ('kept', 'duplicate')`),
  ],
);

export const fleetIdentities = sqliteTable(
  'fleet_identities',
  {
    hubId: integer('hub_id').primaryKey(),
    kind: text('kind', { enum: ['pkid', 'hash', 'tuple'] }).notNull(),
    pkid: text('pkid'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    hardwareHashSha256: text('hardware_hash_sha256'),
    stationName: text('station_name').notNull(),
    batchName: text('batch_name').notNull(),
    operatorName: text('operator_name').notNull(),
    scannedAt: epochMs('scanned_at').notNull(),
  },
  (t) => [
    index('fleet_identities_pkid').on(t.pkid).where(sql`${t.pkid} is not null`),
    index('fleet_identities_hash').on(t.hardwareHashSha256).where(sql`${t.hardwareHashSha256} is not null`),
    index('fleet_identities_tuple').on(t.serial, t.manufacturer, t.model).where(sql`${t.serial} is not null`),
  ],
);

// Each operator as the station and the hub last agreed on it (pushed or pulled). An operator whose
// row differs from this (added, PIN, role or active changed here) is pushed in the next round.
export const fleetOperatorSync = sqliteTable('fleet_operator_sync', {
  nameKey: text('name_key').primaryKey(),
  pinHash: text('pin_hash').notNull(),
  role: text('role').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  changeId: integer('change_id').notNull(),
});

// Wrong PINs counted here while the hub could not be reached, waiting to be added to the fleet's count.
export const fleetPinFailures = sqliteTable(
  'fleet_pin_failures',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    nameKey: text('name_key').notNull(),
    failedAt: epochMs('failed_at').notNull(),
    pushedAt: epochMs('pushed_at'),
  },
  (t) => [index('fleet_pin_failures_waiting').on(t.seq).where(sql`${t.pushedAt} is null`)],
);

// An admin's unlock (or new PIN) made here while the hub could not be told: sent with the next round,
// so the hub's lock, which the round then takes back into the station, does not lock the operator again.
export const fleetPinUnlocks = sqliteTable('fleet_pin_unlocks', {
  nameKey: text('name_key').primaryKey(),
  unlockedAt: epochMs('unlocked_at').notNull(),
});

// Batches whose state or live line count changed since the hub last took them (triggers of migration
// 0016 on batches and devices), so a round sends only those, not every batch every 2 s. `version` grows
// with each change: a push clears a row only if nothing changed while it was under way.
export const fleetBatchChanges = sqliteTable('fleet_batch_changes', {
  batchId: integer('batch_id').primaryKey(),
  version: integer('version').notNull().default(1),
});
