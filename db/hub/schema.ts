// The fleet hub's tables (PostgreSQL). The hub decides what is unique across every dock with its own
// constraints: one partial unique index per identity kind, filled by INSERT … ON CONFLICT DO NOTHING, so
// two stations racing for one PKID cannot both win, whatever order their pushes arrive in.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { identityKinds } from './identity';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export { identityKinds, type IdentityKind } from './identity';

export const stations = pgTable(
  'stations',
  {
    // The station's own id (its `station.id` setting), so a re-join after a reinstall of the same
    // database is the same station.
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    joinedAt: at('joined_at').notNull().defaultNow(),
    lastPush: at('last_push'),
    lastPull: at('last_pull'),
    leftAt: at('left_at'),
    // The PostgreSQL role the station signs in with: row-level security lets a role write only the rows
    // of its own station (migration 0004). Null for a station that joined before 0003 until its next push.
    dbRole: text('db_role').default(sql`current_user`),
  },
  // A verdict names the dock where a box was first scanned: two docks of one name would make it useless.
  (t) => [uniqueIndex('stations_name').on(sql`lower(${t.name})`)],
);

export const identities = pgTable(
  'identities',
  {
    // Assigned under the push lock (see repos/identities.ts), so ids become visible in order and a pull
    // cursor on them never skips a row.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: identityKinds }).notNull(),
    pkid: text('pkid'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    // A hardware hash is ~4 KB of base64, over a btree entry's limit: its SHA-256 is unique instead.
    hardwareHashSha256: text('hardware_hash_sha256'),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    stationSeq: bigint('station_seq', { mode: 'number' }).notNull(),
    batchName: text('batch_name').notNull(),
    operatorName: text('operator_name').notNull(),
    // The station's clock (may be off); receivedAt is the hub's.
    scannedAt: at('scanned_at').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    // Set when the station removed the line (undo, review, deregister): the box is free for any dock again.
    releasedAt: at('released_at'),
  },
  (t) => [
    uniqueIndex('identities_pkid_held').on(t.pkid).where(sql`${t.kind} = 'pkid' and ${t.releasedAt} is null`),
    uniqueIndex('identities_hash_held').on(t.hardwareHashSha256).where(sql`${t.kind} = 'hash' and ${t.releasedAt} is null`),
    // Autopilot matches the tuple case-sensitively against the firmware, so the index does too.
    uniqueIndex('identities_tuple_held').on(t.serial, t.manufacturer, t.model).where(sql`${t.kind} = 'tuple' and ${t.releasedAt} is null`),
    index('identities_station').on(t.stationId, t.id),
    check(
      'identities_kind_check',
      sql`(${t.kind} = 'pkid' and ${t.pkid} is not null) or (${t.kind} = 'hash' and ${t.hardwareHashSha256} is not null) or (${t.kind} = 'tuple' and ${t.serial} is not null and ${t.manufacturer} is not null and ${t.model} is not null)`,
    ),
  ],
);

export const verdicts = ['kept', 'duplicate'] as const;
export type Verdict = (typeof verdicts)[number];

// Every outbox row a station ever pushed, keyed by the station's own sequence: a resend finds its row
// and gets the same verdict back instead of a second claim.
export const pushes = pgTable(
  'pushes',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    stationSeq: bigint('station_seq', { mode: 'number' }).notNull(),
    verdict: text('verdict', { enum: verdicts }).notNull(),
    // The identity row that holds the value: this push's own when kept, the first scan's when not.
    identityId: bigint('identity_id', { mode: 'number' })
      .notNull()
      .references(() => identities.id),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.stationSeq] }), check('pushes_verdict_check', sql`${t.verdict} in ('kept', 'duplicate')`)],
);

// Each station's batches as it last pushed them, so a lead at any dock can see every dock's batches.
export const batchStates = pgTable(
  'batch_states',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    batchName: text('batch_name').notNull(),
    state: text('state').notNull(),
    devices: bigint('devices', { mode: 'number' }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    // Who opened the batch and when (the station's clock), for the lead's desk; null on rows pushed
    // before hub migration 0003.
    createdBy: text('created_by'),
    createdAt: at('created_at'),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.batchName] })],
);

// One uploader per customer across the fleet: the station that uploads for a customer holds this row
// until it expires by the hub's clock (a station's own clock may be hours off). `epoch` grows every
// time the lease changes hands, so a station that lost it and comes back is told apart from one that
// kept it all along.
export const uploadLeases = pgTable('upload_leases', {
  customerTenantId: text('customer_tenant_id').primaryKey(),
  stationId: uuid('station_id')
    .notNull()
    .references(() => stations.id),
  epoch: bigint('epoch', { mode: 'number' }).notNull(),
  acquiredAt: at('acquired_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

// Every identity a station gave back, in the order the hub took them: other docks pull these after a
// cursor to forget the box from their copy and to claim again a line they had lost to it.
export const releases = pgTable('releases', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  identityId: bigint('identity_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => identities.id),
  releasedAt: at('released_at').notNull().defaultNow(),
});

export const batchRequestActions = ['approve', 'reopen'] as const;
export type BatchRequestAction = (typeof batchRequestActions)[number];
export const batchRequestOutcomes = ['done', 'refused'] as const;
export type BatchRequestOutcome = (typeof batchRequestOutcomes)[number];

// A lead at one dock asks the dock that owns a batch to approve (or reopen) it. The hub only carries
// the request and the answer: the owning station decides under its own rules on its next round, and
// writes the outcome back here. `(from_station_id, from_seq)` makes a resend after a lost answer harmless.
export const batchRequests = pgTable(
  'batch_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fromStationId: uuid('from_station_id')
      .notNull()
      .references(() => stations.id),
    fromSeq: bigint('from_seq', { mode: 'number' }).notNull(),
    toStationId: uuid('to_station_id')
      .notNull()
      .references(() => stations.id),
    batchName: text('batch_name').notNull(),
    action: text('action', { enum: batchRequestActions }).notNull(),
    customerTenantId: text('customer_tenant_id'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: at('requested_at').notNull().defaultNow(),
    outcome: text('outcome', { enum: batchRequestOutcomes }),
    reason: text('reason'),
    answeredAt: at('answered_at'),
  },
  (t) => [
    uniqueIndex('batch_requests_sender_seq').on(t.fromStationId, t.fromSeq),
    index('batch_requests_waiting').on(t.toStationId, t.id).where(sql`${t.outcome} is null`),
    check('batch_requests_action_check', sql`${t.action} in ('approve', 'reopen')`),
    check('batch_requests_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('done', 'refused')`),
    check('batch_requests_customer_check', sql`${t.action} <> 'approve' or ${t.customerTenantId} is not null`),
  ],
);
// Operators are fleet-wide: one row per (case-folded) name, holding the PIN hash exactly as the station
// stored it (scrypt, salted: never the PIN). The last writer by the hub's clock wins; `changeId` grows
// with every write and is taken under the operators lock, so a pull cursor on it never skips a change.
export const hubOperators = pgTable(
  'operators',
  {
    nameKey: text('name_key').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['operator', 'lead', 'admin'] }).notNull(),
    pinHash: text('pin_hash').notNull(),
    active: boolean('active').notNull(),
    changeId: bigint('change_id', { mode: 'number' }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedByStation: uuid('updated_by_station')
      .notNull()
      .references(() => stations.id),
  },
  (t) => [uniqueIndex('operators_change_id').on(t.changeId), check('operators_role_check', sql`${t.role} in ('operator', 'lead', 'admin')`)],
);

// The PIN lock-out across the fleet, per operator name: attempts are counted here, before the PIN is
// checked, by one INSERT … ON CONFLICT DO UPDATE … RETURNING, so guesses spread over docks share one limit.
export const operatorLockouts = pgTable('operator_lockouts', {
  nameKey: text('name_key').primaryKey(),
  attempts: integer('attempts').notNull(),
  lockouts: integer('lockouts').notNull(),
  lockedUntil: at('locked_until'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedByStation: uuid('updated_by_station')
    .notNull()
    .references(() => stations.id),
});

// Wrong PINs a station counted on its own while the hub could not be reached, pushed when it is back:
// keyed by the station's own sequence, so a resend counts nothing twice.
export const pinFailures = pgTable(
  'pin_failures',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    stationSeq: bigint('station_seq', { mode: 'number' }).notNull(),
    nameKey: text('name_key').notNull(),
    // The station's clock (may be off); receivedAt is the hub's.
    failedAt: at('failed_at').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.stationSeq] })],
);

// Each station's audit chain head as last anchored: it only moves forward (a successor of the anchored
// row). A head that is not one is refused and `mismatch` says why; it stays until the hub owner clears it.
export const auditAnchors = pgTable('audit_anchors', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => stations.id),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  anchoredAt: at('anchored_at').notNull().defaultNow(),
  mismatch: text('mismatch'),
  mismatchAt: at('mismatch_at'),
});
