// database.json in a support bundle: how big the database is and what it holds, in counts only
// (never a row's content), so whoever helps can see "30,000 devices, 12 batches stuck sending" at a glance.
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';

export interface DatabaseStats {
  path: string;
  fileBytes: number | null;
  walBytes: number | null;
  pageSize: number;
  pageCount: number;
  freelistCount: number;
  journalMode: string;
  rowsPerTable: Record<string, number>;
  batchesByState: Record<string, number>;
  devicesByState: Record<string, number>;
  uploadsByState: Record<string, number>;
  oldestScanAt: string | null;
  newestScanAt: string | null;
}

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

function countsBy(sqlite: Database.Database, table: string, column: string, tables: ReadonlySet<string>): Record<string, number> {
  if (!tables.has(table)) return {};
  const rows = sqlite.prepare(`SELECT "${column}" AS k, count(*) AS n FROM "${table}" GROUP BY "${column}" ORDER BY "${column}"`).all() as { k: string | null; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k ?? '(none)', r.n]));
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function databaseStats(sqlite: Database.Database, path: string): DatabaseStats {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const tables = new Set(names);
  const rowsPerTable = Object.fromEntries(names.map((name) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  const scans = tables.has('devices')
    ? (sqlite.prepare('SELECT min(scanned_at) AS oldest, max(scanned_at) AS newest FROM devices').get() as { oldest: number | null; newest: number | null })
    : { oldest: null, newest: null };
  return {
    path,
    fileBytes: sizeOf(path),
    walBytes: sizeOf(`${path}-wal`),
    pageSize: Number(sqlite.pragma('page_size', { simple: true })),
    pageCount: Number(sqlite.pragma('page_count', { simple: true })),
    freelistCount: Number(sqlite.pragma('freelist_count', { simple: true })),
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    rowsPerTable,
    batchesByState: countsBy(sqlite, 'batches', 'state', tables),
    devicesByState: countsBy(sqlite, 'devices', 'state', tables),
    uploadsByState: countsBy(sqlite, 'uploads', 'state', tables),
    oldestScanAt: iso(scans.oldest),
    newestScanAt: iso(scans.newest),
  };
}
