import { parse, dataDirFrom, UsageError } from '../args';
import { CommandFailed, openStation, unwrap, type Io } from '../run';

export const initHelp = 'dockside init --data-dir DIR --admin NAME --pin PIN   create a station and its first admin';

export async function init(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, { admin: { type: 'string' } });
  if (!values.admin || !values.pin) throw new UsageError('init needs --admin NAME and --pin PIN (at least 6 digits).');
  const dataDir = dataDirFrom(values['data-dir']);
  const station = await openStation(dataDir);
  try {
    const info = unwrap(await station.call('station:info', {}));
    if (!info.needsFirstAdmin) throw new CommandFailed(`The station in ${dataDir} is already set up; nothing was changed.`);
    const admin = unwrap(await station.call('station:setupFirstAdmin', { name: values.admin, pin: values.pin }));
    io.out(values.json ? JSON.stringify({ dataDir, admin }) : `Station created in ${dataDir}; ${admin.name} is its admin.`);
  } finally {
    station.close();
  }
}
