import type Database from 'better-sqlite3';

/**
 * Adds `count` imported devices with PKIDs 1000000000000 upwards to a batch in one statement, so tests
 * can reach a database big enough for a backup to take many steps without scanning each box.
 */
export function insertDevicesInBulk(sqlite: Database.Database, batchId: number, count: number): void {
  sqlite
    .prepare(
      `INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at)
       WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       SELECT ?, CAST(1000000000000 + i AS TEXT), CAST(1000000000000 + i AS TEXT), 'import', 1, 1700000000000 + i FROM n`,
    )
    .run(count, batchId);
}
