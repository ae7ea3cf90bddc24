// Shift report and audit viewer queries. Time buckets are computed per 15 minutes in SQL (every time
// zone offset in use is a multiple of 15 minutes) and named in the station's local time in code, so
// a half-hour zone or a DST change still puts each scan in the right local hour.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../types';
import type { ShiftReport } from '../../shared/contract/reports';
import { identityKindOf, storedHashFacts, type IdentityKind } from '../../shared/domain/identity';
import { MOVED_REASON_PREFIX, UNDO_REASON } from './devices';

const QUARTER_MS = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localHour(at: number): string {
  return `${localDay(at)} ${pad(new Date(at).getHours())}:00`;
}

function sumBy<R extends { n: number }>(rows: readonly R[], key: (row: R) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) out.set(key(row), (out.get(key(row)) ?? 0) + row.n);
  return out;
}

/**
 * A row that is a box someone scanned: not an undone read (taken back), not the old row of a box moved
 * to another batch (its new row is the box).
 */
const countsAsBox = sql`(d.removed_at IS NULL OR (coalesce(d.removed_reason, '') != ${UNDO_REASON} AND coalesce(d.removed_reason, '') NOT LIKE ${`${MOVED_REASON_PREFIX}%`}))`;

/**
 * Every error a box had in the range, once per box and code, whether its row is live, moved on to another
 * batch (the error stays in the report after the box is sent again) or removed by a lead afterwards.
 * Only an undone read never reached Partner Center. `box` names the box across its rows.
 */
function errorRows(from: number, to: number): SQL {
  return sql`SELECT d.id AS id, d.error_code AS code, d.error_text AS text, d.pkid AS pkid, d.serial AS serial, d.manufacturer AS manufacturer, d.model AS model,
      octet_length(d.hardware_hash) AS hashLength,
      coalesce('p:' || d.pkid, 's:' || upper(d.serial) || '|' || coalesce(upper(d.manufacturer), ''), 'h:' || (SELECT min(h.id) FROM devices h WHERE h.hardware_hash = d.hardware_hash), 'd:' || d.id) AS box
    FROM devices d LEFT JOIN uploads u ON u.id = d.upload_id
    WHERE d.error_code IS NOT NULL AND coalesce(d.removed_reason, '') != ${UNDO_REASON}
      AND coalesce(u.updated_at, d.scanned_at) >= ${from} AND coalesce(u.updated_at, d.scanned_at) < ${to}`;
}

export function shiftReport(db: Queryable, from: number, to: number): ShiftReport {
  const scans = db.all<{ q: number; operator: string; n: number }>(sql`SELECT d.scanned_at / ${QUARTER_MS} AS q, o.name AS operator, count(*) AS n
    FROM devices d JOIN operators o ON o.id = d.scanned_by
    WHERE d.scanned_at >= ${from} AND d.scanned_at < ${to} AND d.source != 'import' AND ${countsAsBox} GROUP BY q, d.scanned_by`);
  const perHour = sumBy(scans, (r) => `${localHour(r.q * QUARTER_MS)}\u0000${r.operator}`);
  const scansPerHour = [...perHour]
    .map(([key, count]) => {
      const [hour = '', operator = ''] = key.split('\u0000');
      return { hour, operator, count };
    })
    .sort((a, b) => a.hour.localeCompare(b.hour) || a.operator.localeCompare(b.operator));

  const batchesByState = db.all<{ state: string; count: number }>(sql`SELECT state, count(*) AS count FROM batches
    WHERE created_at < ${to} AND (created_at >= ${from} OR id IN (SELECT DISTINCT batch_id FROM devices WHERE scanned_at >= ${from} AND scanned_at < ${to}))
    GROUP BY state ORDER BY state`);

  // Devices carry no registration time of their own: the upload chunk that registered them dates them.
  const registered = db.all<{ q: number; n: number }>(sql`SELECT u.updated_at / ${QUARTER_MS} AS q, count(*) AS n FROM devices d JOIN uploads u ON u.id = d.upload_id
    WHERE d.state = 'registered' AND d.removed_at IS NULL AND u.updated_at >= ${from} AND u.updated_at < ${to} GROUP BY q`);
  const registeredPerDay = [...sumBy(registered, (r) => localDay(r.q * QUARTER_MS))].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day));

  const errorCodes = db.all<{ code: string; text: string | null; count: number }>(sql`WITH e AS (${errorRows(from, to)})
    SELECT code, max(text) AS text, count(DISTINCT box) AS count FROM e GROUP BY code ORDER BY count DESC, code`);

  return { from, to, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, scansPerHour, batchesByState, registeredPerDay, errorCodes, errorIdentities: errorIdentities(db, from, to) };
}

/** Error devices per code and identity kind (the one rule of identity.ts decides the kind, as upload did when it sent them). */
function errorIdentities(db: Queryable, from: number, to: number): NonNullable<ShiftReport['errorIdentities']> {
  // Only whether a hash is there decides the kind, so the hashes themselves (kilobytes each) stay in the
  // database: octet_length() reads the size from the record header (a stored hash is compacted base64).
  const rows = db.all<{ code: string; pkid: string | null; serial: string | null; manufacturer: string | null; model: string | null; hashLength: number | null }>(sql`WITH e AS (${errorRows(from, to)})
    SELECT code, pkid, serial, manufacturer, model, hashLength FROM e WHERE id IN (SELECT max(id) FROM e GROUP BY code, box)`);
  const counts = new Map<string, { code: string; identity: IdentityKind | null; count: number }>();
  for (const r of rows) {
    const identity = identityKindOf({ ...r, hardwareHash: storedHashFacts(r.hashLength) });
    const key = `${r.code}\u0000${identity ?? ''}`;
    const entry = counts.get(key) ?? { code: r.code, identity, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.code.localeCompare(b.code) || b.count - a.count);
}

export interface AuditFilter {
  operatorId?: number | undefined;
  action?: string | undefined;
  batchId?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
  before?: number | undefined;
}

export interface AuditRowView {
  id: number;
  at: number;
  station: string;
  operatorId: number | null;
  operatorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  detail: string;
}

/** What a row's ids stand for, as the station knows them now (null: not that kind of row, or gone). */
export interface AuditNames {
  batchName: string | null;
  devicePkid: string | null;
  deviceSerial: string | null;
  customerName: string | null;
  /** The operator a row is about (added, disabled, signed in), not the one who did it. */
  objectOperatorName: string | null;
}

/** Newest first, keyset-paged on id; the page is found on the audit table alone, then its ids are named. */
export function listAudit(db: Queryable, f: AuditFilter, limit: number): { rows: (AuditRowView & AuditNames)[]; nextBefore: number | null } {
  const where: SQL[] = [];
  if (f.before !== undefined) where.push(sql`id < ${f.before}`);
  if (f.operatorId !== undefined) where.push(sql`operator_id = ${f.operatorId}`);
  if (f.action !== undefined) where.push(sql`action = ${f.action}`);
  if (f.from !== undefined) where.push(sql`at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`at < ${f.to}`);
  if (f.batchId !== undefined) {
    where.push(sql`((object_type = 'batch' AND object_id = ${String(f.batchId)}) OR (json_valid(detail) AND json_extract(detail, '$.batchId') = ${f.batchId}))`);
  }
  const page = sql`SELECT id, at, station, operator_id AS operatorId, operator_name AS operatorName, action, object_type AS objectType,
      object_id AS objectId, result, detail, CASE WHEN json_valid(detail) THEN detail END AS json FROM audit ${where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``} ORDER BY id DESC LIMIT ${limit + 1}`;
  // A row names its batch as its object, in its detail (batchId), or through the device it is about.
  const rows = db.all<AuditRowView & AuditNames>(sql`SELECT p.id, p.at, p.station, p.operatorId, p.operatorName, p.action, p.objectType, p.objectId, p.result, p.detail,
      b.name AS batchName, d.pkid AS devicePkid, d.serial AS deviceSerial, c.company_name AS customerName, o.name AS objectOperatorName
    FROM (${page}) p
    LEFT JOIN devices d ON p.objectType = 'device' AND d.id = CAST(p.objectId AS INTEGER)
    LEFT JOIN batches b ON b.id = COALESCE(CASE WHEN p.objectType = 'batch' THEN CAST(p.objectId AS INTEGER) END, json_extract(p.json, '$.batchId'), d.batch_id)
    LEFT JOIN customers c ON c.tenant_id = COALESCE(CASE WHEN p.objectType = 'customer' THEN p.objectId END, json_extract(p.json, '$.customerTenantId'), b.customer_tenant_id)
    LEFT JOIN operators o ON p.objectType = 'operator' AND o.id = CAST(p.objectId AS INTEGER)
    ORDER BY p.id DESC`);
  const shown = rows.slice(0, limit);
  return { rows: shown, nextBefore: rows.length > limit ? (shown[shown.length - 1]?.id ?? null) : null };
}
