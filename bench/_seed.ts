// Fills a station with many devices quickly (one prepared INSERT in one transaction) so benchmarks
// measure the station at the size a busy site reaches, not an empty database.
import { writeSetting } from '../electron/core/settings';
import type { Station } from '../electron/core/station';
import { startHostProcess, type HostProcess } from '../test/helpers/host-process';
import { makeTempDir, tempStation } from '../test/helpers/temp-station';

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

/** A browser host over a fresh station holding one batch, "Big", of `devices` devices; close() stops it and removes the folder. */
export async function hostWithBigBatch(dirPrefix: string, devices: number, firstPkid: number): Promise<{ host: HostProcess; close(): Promise<void> }> {
  const t = await tempStation({ dataDir: makeTempDir(dirPrefix) });
  try {
    const token = await t.tokenFor('admin');
    const made = await t.station.call('batches:create', { name: 'Big' }, { sessionToken: token });
    if (!made.ok) throw new Error(made.error.message);
    seedDevices(t.station, made.value.id, 1, devices, firstPkid);
    withoutScheduledBackups(t.station);
    t.station.close();
    const host = await startHostProcess(t.dataDir);
    return {
      host,
      close: async () => {
        await host.kill('SIGTERM');
        t.cleanup();
      },
    };
  } catch (err) {
    t.cleanup();
    throw err;
  }
}
