// Fills a station with many devices quickly (one prepared INSERT in one transaction) so benchmarks
// measure the station at the size a busy site reaches, not an empty database.
import { writeSetting } from '../electron/core/settings';
import type { Station } from '../electron/core/station';

export function seedDevices(station: Station, batchId: number, operatorId: number, count: number, firstPkid = 1_000_000_000_000): void {
  const sqlite = station.database.sqlite;
  const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, 'import', ?, ?)");
  const now = Date.now();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const pkid = String(firstPkid + i);
      insert.run(batchId, pkid, pkid, operatorId, now - (count - i) * 1000);
    }
  })();
}

/**
 * Turns the backup schedule off for a station a benchmark's host process will open: a long-lived host
 * takes a catch-up backup at start, which would copy the seeded database while the figures are taken.
 */
export function withoutScheduledBackups(station: Station): void {
  station.database.db.transaction((tx) => writeSetting(tx, 'backup.intervalHours', 0, Date.now(), null));
}
