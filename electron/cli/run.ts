// Helpers for commands: open the station, act as an operator, turn envelopes into exit codes.
import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';
import { DatabaseOpenError } from '../../db/errors';
import { createStation, type Station, type StationConfig } from '../core/station';
import { createFileLogger } from '../core/log';
import type { Credentials } from './args';
import { writeFileAtomic, type AtomicData } from '../core/files/atomic-write';
import { writeProblem } from '../core/files/output-target';

export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export async function openStation(
  dataDir: string,
  options: {
    practiceMode?: boolean;
    partnerCenter?: StationConfig['partnerCenter'];
    syncOptions?: StationConfig['syncOptions'];
    /** serve and demo: log to <dataDir>/logs as well as stderr, and run the backup schedule. */
    longLived?: boolean;
    /** Push to and pull from the fleet hub while up (default: when long-lived). */
    fleetSync?: boolean;
  } = {},
): Promise<Station> {
  // A one-shot command's refusals and warnings go to logs/ (a support bundle shows them); its stderr is
  // for people, who get the refusal as a sentence, so only errors are echoed there too.
  const logger = createFileLogger({ dataDir, stderr: options.longLived ? true : 'error' });
  try {
    return await createStation({ dataDir, practiceMode: options.practiceMode, partnerCenter: options.partnerCenter, syncOptions: options.syncOptions, logger, backupSchedule: options.longLived ?? false, fleetSync: options.fleetSync ?? options.longLived ?? false, hubPassword: process.env.DOCKSIDE_HUB_PASSWORD || undefined });
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw new CommandFailed(err.message, 3);
    throw err;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CommandFailed(`${result.error.message} [${result.error.code}]`);
  return result.value;
}

/** Signs in for one command and signs out afterwards, whatever happens in between. */
export async function asOperator<T>(station: Station, who: Credentials, fn: (call: Caller) => Promise<T>): Promise<T> {
  const signedIn = unwrap(await station.call('session:signIn', { name: who.name, pin: who.pin }));
  const call: Caller = async (channel, input) => unwrap(await station.call(channel, input, { sessionToken: signedIn.token }));
  try {
    return await fn(call);
  } finally {
    await station.call('session:signOut', {}, { sessionToken: signedIn.token });
  }
}

export type Caller = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** Writes a file the user asked for; a refusal or a named file-system problem becomes a sentence (exit 1). */
export async function writeOutputFile(path: string, data: AtomicData): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (err) {
    const problem = writeProblem(err, path);
    if (problem) throw new CommandFailed(`${problem} Nothing was written.`);
    throw err;
  }
}

