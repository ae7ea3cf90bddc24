// `dockside support-bundle`: the zip the Maintenance screen makes, for whoever administers the
// machine (like `verify` and `backup`, it takes no operator sign-in: the data folder is theirs).
import { dataDirFrom, parse, UsageError } from '../args';
import { openStation, type Io } from '../run';
import { createSupportBundle } from '../../core/support/create-bundle';
import { stationVersion } from '../../core/version';

export const supportHelp = 'dockside support-bundle [--json]                          zip logs, versions, settings (no secrets), verify output and database statistics for support';

export async function supportBundle(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  if (positionals.length > 0) throw new UsageError('expected `dockside support-bundle [--data-dir DIR] [--json]`.');
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    const bundle = await createSupportBundle(
      { sqlite: station.database.sqlite, db: station.database.db, dataDir: station.dataDir, now: Date.now, station: station.identity, version: stationVersion, events: station.events, logger: station.logger },
      null,
    );
    if (values.json) io.out(JSON.stringify(bundle));
    else {
      io.out(`Wrote the support bundle ${bundle.path} (${(bundle.bytes / 1024).toFixed(1)} KB).`);
      io.out(`It holds: ${bundle.entries.join(', ')}. No PINs, tokens or secrets are in it; send it to whoever helps you.`);
    }
  } finally {
    station.close();
  }
}
