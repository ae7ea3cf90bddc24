import { parse, dataDirFrom, UsageError } from '../args';
import { PIN, secretFrom } from '../secrets';
import { CommandFailed, openStation, unwrap, type Io } from '../run';

export const initHelp = 'dockside init --data-dir DIR --admin NAME --pin -       create a station and its first admin (the PIN typed without echo, piped, or DOCKSIDE_PIN)';

export async function init(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, { admin: { type: 'string' } });
  if (!values.admin) throw new UsageError('init needs --admin NAME and --pin - (the PIN, at least 6 digits, typed without echo or piped; or DOCKSIDE_PIN).');
  const pin = await secretFrom(PIN, values.pin);
  if (!pin) throw new UsageError('init needs the admin\'s PIN: --pin - (typed without echo, or piped) or DOCKSIDE_PIN; at least 6 digits.');
  const dataDir = dataDirFrom(values['data-dir']);
  const station = await openStation(dataDir);
  try {
    const info = unwrap(await station.call('station:info', {}));
    if (!info.needsFirstAdmin) throw new CommandFailed(`The station in ${dataDir} is already set up; nothing was changed.`);
    const admin = unwrap(await station.call('station:setupFirstAdmin', { name: values.admin, pin }));
    io.out(values.json ? JSON.stringify({ dataDir, admin }) : `Station created in ${dataDir}; ${admin.name} is its admin.`);
  } finally {
    station.close();
  }
}
