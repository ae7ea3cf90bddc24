// Queries behind the shift lead's desk: a batch's lines (filters + keyset paging), "where is this box?"
// across every batch, the set-based lookups an import needs, and the import's bulk insert.
import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { StationDb } from '../open';
import type { Queryable } from '../types';
import type { FoundDevice, ReviewDevice, ReviewTotals, deviceStateFilters } from '../../shared/contract/review';
import type { AcceptedRow, Holder } from '../rows';
import { storedHashFacts, summariseIdentity } from '../../shared/domain/identity';

type StateFilter = (typeof deviceStateFilters)[number];

// The hash itself stays in the database: a row reads only its length (what the identity label shows).
// Stored hashes are compacted base64 (checked by hashProblem on import), so bytes are characters, and
// octet_length() answers from the record header without copying kilobytes per row.
const columnsText = `d.id AS id, d.batch_id AS batchId, d.pkid AS pkid, d.serial AS serial, d.manufacturer AS manufacturer, d.model AS model,
  d.hardware_hash IS NOT NULL AS hasHardwareHash, octet_length(d.hardware_hash) AS hardwareHashLength, d.source AS source, d.scanned_by AS scannedById, so.name AS scannedBy, d.scanned_at AS scannedAt,
  d.state AS state, d.removed_at IS NOT NULL AS removed, ro.name AS removedBy, d.removed_at AS removedAt, d.removed_reason AS removedReason,
  d.error_code AS errorCode, d.error_text AS errorText, d.remote_device_id AS remoteDeviceId,
  (SELECT json_object('stationName', o.first_station, 'batchName', o.first_batch, 'operatorName', o.first_operator, 'scannedAt', o.first_scanned_at)
     FROM fleet_outbox o WHERE o.device_id = d.id AND o.verdict = 'duplicate' ORDER BY o.seq LIMIT 1) AS heldElsewhereJson`;
const joinsText = 'JOIN operators so ON so.id = d.scanned_by LEFT JOIN operators ro ON ro.id = d.removed_by';
const columns = sql.raw(columnsText);
const joins = sql.raw(joinsText);

type RawDevice = Omit<ReviewDevice, 'hasHardwareHash' | 'removed' | 'identity' | 'heldElsewhere'> & { hasHardwareHash: number; removed: number; hardwareHashLength: number | null; heldElsewhereJson: string | null };

function toDevice<T extends RawDevice>({ hardwareHashLength, heldElsewhereJson, ...row }: T): Omit<T, 'hasHardwareHash' | 'removed' | 'hardwareHashLength' | 'heldElsewhereJson'> & Pick<ReviewDevice, 'hasHardwareHash' | 'removed' | 'identity' | 'heldElsewhere'> {
  return {
    ...row,
    hasHardwareHash: row.hasHardwareHash === 1,
    removed: row.removed === 1,
    identity: summariseIdentity({ ...row, hardwareHash: storedHashFacts(hardwareHashLength) }),
    heldElsewhere: heldElsewhereJson === null ? null : (JSON.parse(heldElsewhereJson) as ReviewDevice['heldElsewhere']),
  };
}

export interface ReviewFilter {
  batchId: number;
  state: StateFilter;
  operatorId?: number | undefined;
  source?: string | undefined;
  search?: string | undefined;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function commonFilters(f: ReviewFilter): SQL[] {
  const where: SQL[] = [sql`d.batch_id = ${f.batchId}`];
  if (f.operatorId !== undefined) where.push(sql`d.scanned_by = ${f.operatorId}`);
  if (f.source !== undefined) where.push(sql`d.source = ${f.source}`);
  if (f.search) {
    const prefix = `${likeEscape(f.search)}%`;
    const inside = `%${likeEscape(f.search)}%`;
    where.push(
      sql`(d.pkid LIKE ${prefix} ESCAPE '\\' OR d.serial LIKE ${prefix} ESCAPE '\\' OR d.manufacturer LIKE ${inside} ESCAPE '\\' OR d.model LIKE ${inside} ESCAPE '\\')`,
    );
  }
  return where;
}

function stateFilter(state: StateFilter): SQL | null {
  switch (state) {
    case 'all':
      return null;
    case 'live':
      return sql`d.removed_at IS NULL`;
    case 'removed':
      return sql`d.removed_at IS NOT NULL`;
    default:
      return sql`d.removed_at IS NULL AND d.state = ${state}`;
  }
}

export function listReviewDevices(db: Queryable, f: ReviewFilter, after: number, limit: number): { rows: ReviewDevice[]; nextAfter: number | null } {
  const where = [...commonFilters(f), sql`d.id > ${after}`];
  const state = stateFilter(f.state);
  if (state) where.push(state);
  const rows = db.all<RawDevice>(sql`SELECT ${columns} FROM devices d ${joins} WHERE ${sql.join(where, sql` AND `)} ORDER BY d.id LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit).map(toDevice);
  return { rows: page, nextAfter: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/**
 * Rows `offset`.. of the list in scan order, by position: the inner query skips `offset` entries of an
 * index that holds the list's order and its filter columns (no table row is read for a skipped line),
 * then only the rows shown are read in full. The index is named, not left to the planner: without
 * statistics it prefers devices_batch_live for a state filter and reads every skipped row to test it.
 */
export function listReviewRowsAt(db: Queryable, f: ReviewFilter, offset: number, limit: number): ReviewDevice[] {
  const where = commonFilters(f);
  const state = stateFilter(f.state);
  if (state) where.push(state);
  // devices_batch_live (batch_id, removed_at, id) is already in scan order for the live lines, and
  // holds the few removed ones together; any other filter walks devices_batch_order.
  const byLive = f.state === 'removed' || (f.state === 'live' && f.operatorId === undefined && f.source === undefined);
  const index = sql.raw(byLive ? 'devices_batch_live' : 'devices_batch_order');
  const ids = sql`SELECT d.id FROM devices d INDEXED BY ${index} WHERE ${sql.join(where, sql` AND `)} ORDER BY d.id LIMIT ${limit} OFFSET ${offset}`;
  return db.all<RawDevice>(sql`SELECT ${columns} FROM devices d ${joins} WHERE d.id IN (${ids}) ORDER BY d.id`).map(toDevice);
}

export function reviewTotals(db: Queryable, f: ReviewFilter): ReviewTotals {
  const counts = db.get<Record<keyof ReviewTotals['byState'], number | null>>(sql`SELECT count(*) AS "all",
      sum(d.removed_at IS NULL) AS live, sum(d.removed_at IS NOT NULL) AS removed,
      sum(d.removed_at IS NULL AND d.state = 'scanned') AS scanned, sum(d.removed_at IS NULL AND d.state = 'queued') AS queued,
      sum(d.removed_at IS NULL AND d.state = 'sending') AS sending, sum(d.removed_at IS NULL AND d.state = 'registered') AS registered,
      sum(d.removed_at IS NULL AND d.state = 'failed') AS failed
    FROM devices d WHERE ${sql.join(commonFilters(f), sql` AND `)}`);
  const byState = {
    all: counts?.all ?? 0,
    live: counts?.live ?? 0,
    removed: counts?.removed ?? 0,
    scanned: counts?.scanned ?? 0,
    queued: counts?.queued ?? 0,
    sending: counts?.sending ?? 0,
    registered: counts?.registered ?? 0,
    failed: counts?.failed ?? 0,
  };
  const byOperator = db.all<{ operatorId: number; name: string; count: number }>(
    sql`SELECT d.scanned_by AS operatorId, o.name AS name, count(*) AS count FROM devices d JOIN operators o ON o.id = d.scanned_by
        WHERE d.batch_id = ${f.batchId} AND d.removed_at IS NULL GROUP BY d.scanned_by ORDER BY o.name`,
  );
  const bySource = db.all<{ source: ReviewDevice['source']; count: number }>(
    sql`SELECT d.source AS source, count(*) AS count FROM devices d WHERE d.batch_id = ${f.batchId} AND d.removed_at IS NULL GROUP BY d.source ORDER BY d.source`,
  );
  return { matching: byState[f.state], byState, byOperator, bySource };
}

export function reviewDevice(db: Queryable, id: number): ReviewDevice | undefined {
  const row = db.get<RawDevice | undefined>(sql`SELECT ${columns} FROM devices d ${joins} WHERE d.id = ${id}`);
  return row ? toDevice(row) : undefined;
}

export const FIND_LIMIT = 50;

/** Exact PKID (any state, removed included) and serial prefix, across every batch: index lookups only. */
export function findDevices(db: Queryable, pkids: readonly string[], serialPrefixes: readonly string[]): { matches: FoundDevice[]; truncated: boolean } {
  type Raw = RawDevice & { batchName: string; batchState: string };
  const select = sql`SELECT ${columns}, b.name AS batchName, b.state AS batchState FROM devices d ${joins} JOIN batches b ON b.id = d.batch_id`;
  const byId = new Map<number, Raw>();
  for (const pkid of new Set(pkids)) {
    for (const row of db.all<Raw>(sql`${select} WHERE d.pkid = ${pkid} LIMIT ${FIND_LIMIT + 1}`)) byId.set(row.id, row);
  }
  for (const prefix of new Set(serialPrefixes)) {
    // A range, not LIKE: LIKE is case-insensitive and so cannot use the (binary) serial index.
    const rows = db.all<Raw>(sql`${select} WHERE d.serial >= ${prefix} AND d.serial < ${prefix + '\u{10FFFF}'} ORDER BY d.serial LIMIT ${FIND_LIMIT + 1}`);
    for (const row of rows) byId.set(row.id, row);
  }
  const all = [...byId.values()].map(toDevice).sort((a, b) => Number(a.removed) - Number(b.removed) || b.id - a.id);
  return { matches: all.slice(0, FIND_LIMIT), truncated: all.length > FIND_LIMIT };
}

const holderColumns = sql.raw(
  'j.value AS value, d.id AS deviceId, d.batch_id AS batchId, b.name AS batchName, d.state AS state, d.manufacturer AS manufacturer, o.name AS scannedBy, d.scanned_at AS scannedAt',
);

/** Live devices holding any of these PKIDs: one query for the whole list (json_each), on the unique live index. */
export function livePkidHolders(db: Queryable, pkids: readonly string[]): Holder[] {
  if (pkids.length === 0) return [];
  return db.all<Holder>(sql`SELECT ${holderColumns} FROM json_each(${JSON.stringify(pkids)}) j
    JOIN devices d ON d.pkid = j.value AND d.pkid IS NOT NULL AND d.removed_at IS NULL
    JOIN batches b ON b.id = d.batch_id JOIN operators o ON o.id = d.scanned_by`);
}

export function liveSerialHolders(db: Queryable, serials: readonly string[]): Holder[] {
  if (serials.length === 0) return [];
  return db.all<Holder>(sql`SELECT ${holderColumns} FROM json_each(${JSON.stringify(serials)}) j
    JOIN devices d ON d.serial = j.value AND d.removed_at IS NULL
    JOIN batches b ON b.id = d.batch_id JOIN operators o ON o.id = d.scanned_by`);
}

// Multi-row INSERTs: better-sqlite3 spends more time per call than SQLite spends per row, so 100 rows
// per statement run 2-3x faster than one row per call (100 rows x 9 values stays far below SQLite's
// 32,766-parameter limit).
const ROWS_PER_INSERT = 100;
const statements = new WeakMap<Database.Database, Map<number, Database.Statement>>();

function insertStatement(sqlite: Database.Database, rows: number): Database.Statement {
  let bySize = statements.get(sqlite);
  if (!bySize) statements.set(sqlite, (bySize = new Map()));
  let statement = bySize.get(rows);
  if (!statement) {
    const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)").join(', ');
    statement = sqlite.prepare(`INSERT INTO devices (batch_id, pkid, serial, manufacturer, model, hardware_hash, raw, source, scanned_by, scanned_at) VALUES ${values}`);
    bySize.set(rows, statement);
  }
  return statement;
}

/**
 * Inserts imported devices. Call it inside the caller's write transaction (better-sqlite3 runs it on
 * the same connection), so the rows land together or not at all.
 */
export function insertImportedDevices(db: StationDb, rows: readonly AcceptedRow[], values: { batchId: number; fileName: string; by: number; at: number }): void {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    for (const row of chunk) {
      params.push(values.batchId, row.pkid, row.serial, row.manufacturer, row.model, row.hash, `import ${values.fileName} line ${row.line}`, values.by, values.at);
    }
    insertStatement(db.$client, chunk.length).run(params);
  }
}

/** Live devices of a batch sharing a serial with another live device (here or in another batch). */
export function sameSerialGroups(db: Queryable, batchId: number, limit = 100): { serial: string; deviceIds: number[]; batchNames: string[] }[] {
  const rows = db.all<{ serial: string; ids: string; names: string }>(sql`SELECT d.serial AS serial, group_concat(d.id) AS ids, group_concat(DISTINCT b.name) AS names
    FROM devices d JOIN batches b ON b.id = d.batch_id
    WHERE d.removed_at IS NULL AND d.serial IN (SELECT serial FROM devices WHERE batch_id = ${batchId} AND removed_at IS NULL AND serial IS NOT NULL)
    GROUP BY d.serial HAVING count(*) > 1 ORDER BY d.serial LIMIT ${limit}`);
  return rows.map((r) => ({ serial: r.serial, deviceIds: r.ids.split(',').map(Number), batchNames: r.names.split(',') }));
}

export function liveDevicesScannedBy(db: Queryable, batchId: number, operatorId: number): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM devices WHERE batch_id = ${batchId} AND removed_at IS NULL AND scanned_by = ${operatorId}`)?.n ?? 0;
}

// Exports walk a whole batch (100,000 lines, kilobytes of hash each) one row at a time: better-sqlite3's
// iterate() on one statement, so one snapshot and one row in memory. The connection is busy until the
// caller has read to the end, so read it through before querying anything else.

/** Every line of a batch, removed ones included, in scan order, as the review list shows them. */
export function* iterateBatchDevices(db: StationDb, batchId: number): Generator<ReviewDevice, void, undefined> {
  const statement = db.$client.prepare<[number], RawDevice>(`SELECT ${columnsText} FROM devices d ${joinsText} WHERE d.batch_id = ? ORDER BY d.id`);
  for (const row of statement.iterate(batchId)) yield toDevice(row);
}

export interface ExportDeviceRow {
  id: number;
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
  hardwareHash: string | null;
}

/** Live lines of a batch in scan order, with what the Partner Center file needs: the hash text itself. */
export function iterateExportDevices(db: StationDb, batchId: number): IterableIterator<ExportDeviceRow> {
  return db.$client
    .prepare<[number], ExportDeviceRow>('SELECT id, pkid, serial, manufacturer, model, hardware_hash AS hardwareHash FROM devices WHERE batch_id = ? AND removed_at IS NULL ORDER BY id')
    .iterate(batchId);
}
