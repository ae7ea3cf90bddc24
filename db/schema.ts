// The station's tables. Rules that must hold whatever code path writes (a PKID in at most one live
// batch, one name per operator, known roles and states) are constraints here, not only checks in code.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { TableName } from '../shared/contract/events';

const epochMs = (name: string) => integer(name, { mode: 'number' });

export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    // Names are compared case-insensitively at sign-in, so uniqueness is on the folded form.
    nameKey: text('name_key').notNull(),
    role: text('role', { enum: ['operator', 'lead', 'admin'] }).notNull(),
    pinHash: text('pin_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockouts: integer('lockouts').notNull().default(0),
    lockedUntil: epochMs('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // The language the operator chose for the screens (a BCP 47 tag); null follows the station's default.
    language: text('language'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('operators_name_key').on(t.nameKey),
    check('operators_role_check', sql`${t.role} in ('operator', 'lead', 'admin')`),
  ],
);

export const customers = sqliteTable('customers', {
  tenantId: text('tenant_id').primaryKey(),
  companyName: text('company_name').notNull(),
  domain: text('domain'),
  relationship: text('relationship').notNull(),
  refreshedAt: epochMs('refreshed_at').notNull(),
});

export const batchStates = ['open', 'closed', 'approved', 'uploading', 'registered', 'needs_attention'] as const;

export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Becomes the Partner Center batch id, which Partner Center matches case-insensitively.
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    customerTenantId: text('customer_tenant_id').references(() => customers.tenantId),
    state: text('state', { enum: batchStates }).notNull().default('open'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => operators.id),
    createdAt: epochMs('created_at').notNull(),
    closedBy: integer('closed_by').references(() => operators.id),
    closedAt: epochMs('closed_at'),
    approvedBy: integer('approved_by').references(() => operators.id),
    approvedAt: epochMs('approved_at'),
    // Partner Center's own spelling of the batch id once seen (it may hold the batch under another
    // casing, made by another tool); every later call on the batch uses it.
    remoteName: text('remote_name'),
  },
  (t) => [
    uniqueIndex('batches_name_key').on(t.nameKey),
    index('batches_state').on(t.state),
    check(
      'batches_state_check',
      sql`${t.state} in ('open', 'closed', 'approved', 'uploading', 'registered', 'needs_attention')`,
    ),
  ],
);

export const deviceStates = ['scanned', 'queued', 'sending', 'registered', 'failed'] as const;
export const deviceSources = ['wedge', 'camera', 'import'] as const;

export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    pkid: text('pkid'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    hardwareHash: text('hardware_hash'),
    raw: text('raw').notNull(),
    source: text('source', { enum: deviceSources }).notNull(),
    scannedBy: integer('scanned_by')
      .notNull()
      .references(() => operators.id),
    scannedAt: epochMs('scanned_at').notNull(),
    state: text('state', { enum: deviceStates }).notNull().default('scanned'),
    uploadId: integer('upload_id').references(() => uploads.id),
    remoteDeviceId: text('remote_device_id'),
    errorCode: text('error_code'),
    errorText: text('error_text'),
    // The Autopilot profile (Partner Center policy) last assigned, or why assigning it failed.
    profileId: text('profile_id'),
    profileError: text('profile_error'),
    removedBy: integer('removed_by').references(() => operators.id),
    removedAt: epochMs('removed_at'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    // A PKID lives in at most one live (not removed) device row, whatever path writes it.
    uniqueIndex('devices_pkid_live').on(t.pkid).where(sql`${t.pkid} is not null and ${t.removedAt} is null`),
    // Serves both the live count of a batch and its live devices in scan order.
    index('devices_batch_live').on(t.batchId, t.removedAt, t.id),
    // The review list by position (LIMIT/OFFSET in scan order): every filter column but the text search is
    // in the index, so skipping to row 500,000 of a batch walks index entries, never the rows themselves.
    index('devices_batch_order').on(t.batchId, t.id, t.removedAt, t.state, t.scannedBy, t.source),
    index('devices_serial').on(t.serial),
    index('devices_scanned_by').on(t.scannedBy, t.scannedAt),
    // The status bar counts devices waiting to upload on every engine step: keep that count small.
    index('devices_waiting').on(t.state).where(sql`${t.state} in ('queued', 'sending') and ${t.removedAt} is null`),
    // "Where is this box?" across every batch, removed lines included (the live index above skips them).
    index('devices_pkid').on(t.pkid),
    // Shift reports: scans in a time range, whoever scanned them.
    index('devices_scanned_at').on(t.scannedAt),
    // Duplicate checks for devices identified by their hardware hash (only imported devices carry one).
    index('devices_hardware_hash').on(t.hardwareHash).where(sql`${t.hardwareHash} is not null`),
    check('devices_identity_check', sql`${t.pkid} is not null or ${t.serial} is not null or ${t.hardwareHash} is not null`),
    check('devices_source_check', sql`${t.source} in ('wedge', 'camera', 'import')`),
    check('devices_state_check', sql`${t.state} in ('scanned', 'queued', 'sending', 'registered', 'failed')`),
  ],
);

export const expected = sqliteTable(
  'expected',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    pkid: text('pkid'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    sourceFile: text('source_file').notNull(),
    line: integer('line').notNull(),
    importedBy: integer('imported_by')
      .notNull()
      .references(() => operators.id),
    importedAt: epochMs('imported_at').notNull(),
  },
  (t) => [index('expected_batch').on(t.batchId), index('expected_pkid').on(t.pkid), index('expected_batch_serial').on(t.batchId, t.serial)],
);

export const uploadStates = ['pending', 'sending', 'accepted', 'done', 'failed'] as const;

export const uploads = sqliteTable(
  'uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    seq: integer('seq').notNull(),
    state: text('state', { enum: uploadStates }).notNull().default('pending'),
    // Which call the request id belongs to: a re-send after a crash must repeat the same call.
    method: text('method', { enum: ['create', 'append'] }),
    requestId: text('request_id'),
    trackingId: text('tracking_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at'),
    lastError: text('last_error'),
    // When Partner Center accepted the chunk (202): a job still processing long after is reported slow.
    acceptedAt: epochMs('accepted_at'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('uploads_batch_seq').on(t.batchId, t.seq),
    index('uploads_due').on(t.state, t.nextAttemptAt),
    check('uploads_state_check', sql`${t.state} in ('pending', 'sending', 'accepted', 'done', 'failed')`),
  ],
);

// What Partner Center already holds for a customer (all batches, all pages), refreshed before an
// upload so devices registered elsewhere are flagged instead of sent again.
export const remoteDevices = sqliteTable(
  'remote_devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerTenantId: text('customer_tenant_id').notNull(),
    remoteBatchId: text('remote_batch_id').notNull(),
    remoteDeviceId: text('remote_device_id').notNull(),
    pkid: text('pkid'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    refreshedAt: epochMs('refreshed_at').notNull(),
  },
  (t) => [
    uniqueIndex('remote_devices_id').on(t.customerTenantId, t.remoteDeviceId),
    index('remote_devices_pkid').on(t.customerTenantId, t.pkid),
    index('remote_devices_any_pkid').on(t.pkid),
    index('remote_devices_serial').on(t.customerTenantId, t.serial),
    // "Is this serial registered for anyone?" when a tuple is scanned, before a customer is chosen.
    index('remote_devices_any_serial').on(t.serial),
  ],
);

// The customer's batch list as Partner Center last answered it: the Upload page shows each batch's remote
// status and count, and an inventory refresh re-reads only the batches whose count or status changed.
export const remoteBatches = sqliteTable(
  'remote_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerTenantId: text('customer_tenant_id').notNull(),
    remoteBatchId: text('remote_batch_id').notNull(),
    devicesCount: integer('devices_count'),
    status: text('status'),
    // The count the stored device rows were read at; differs from devicesCount until re-read.
    devicesReadCount: integer('devices_read_count'),
    refreshedAt: epochMs('refreshed_at').notNull(),
  },
  (t) => [uniqueIndex('remote_batches_id').on(t.customerTenantId, t.remoteBatchId)],
);

export const deregistrationStates = ['pending', 'sending', 'done', 'failed'] as const;

// The outbox of removals from Autopilot: one row per device. The request id is stored before the DELETE,
// and a row left `sending` by a crash is checked against the batch's device list before deleting again.
export const deregistrations = sqliteTable(
  'deregistrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id),
    customerTenantId: text('customer_tenant_id').notNull(),
    remoteBatchId: text('remote_batch_id').notNull(),
    remoteDeviceId: text('remote_device_id'),
    reason: text('reason').notNull(),
    // A box moved to another customer continues in this (new, open) batch once removed.
    moveToBatchId: integer('move_to_batch_id').references(() => batches.id),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => operators.id),
    state: text('state', { enum: deregistrationStates }).notNull().default('pending'),
    requestId: text('request_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    index('deregistrations_due').on(t.state, t.nextAttemptAt),
    index('deregistrations_device').on(t.deviceId),
    check('deregistrations_state_check', sql`${t.state} in ('pending', 'sending', 'done', 'failed')`),
  ],
);

export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: epochMs('at').notNull(),
    station: text('station').notNull(),
    operatorId: integer('operator_id'),
    operatorName: text('operator_name'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    detail: text('detail').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at').on(t.at),
    index('audit_action').on(t.action),
    index('audit_operator').on(t.operatorId),
    // The audit viewer's "everything about this batch / device".
    index('audit_object').on(t.objectType, t.objectId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

// Every table is named in the db:changed event vocabulary, and nothing else is.
export const tables = { operators, customers, batches, devices, expected, uploads, remoteDevices, remoteBatches, deregistrations, audit, settings } satisfies Record<TableName, SQLiteTable>;


// The fleet's tables (its link to the hub, its outbox, the copy of the other docks' identities).
export { fleetLink, fleetOutbox, fleetIdentities, fleetOperatorSync, fleetPinFailures, fleetPinUnlocks, fleetBatchChanges } from './hub/local/schema';
// The lead's desk across docks: the other docks' batches, and requests to and from them.
export { fleetBatches, fleetRequestsOut, fleetRequestsIn } from './hub/local/desk-schema';
