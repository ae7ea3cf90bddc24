// `dockside fleet …`: an admin puts the station on a fleet hub (PostgreSQL), takes it off, and sees or
// runs its push and pull. The hub role's password is a secret like a PIN: --hub-password - (typed
// without echo, or piped), DOCKSIDE_HUB_PASSWORD, or inside the URL (visible to `ps`: warned). Once
// joined it is kept encrypted with a key from the OS keychain, never in the settings; no output shows it.
import { splitHubUrl } from '../../../db/hub/connect';
import { HubError } from '../../../db/hub/errors';
import { Fleet, initHub, NotInFleet, type FleetStatus } from '../../core/fleet/fleet';
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { secretFrom, type SecretFlag } from '../secrets';
import { CommandFailed, openStation, unwrap, type Io } from '../run';
import type { Station } from '../../core/station';

export const fleetHelp = [
  'dockside fleet init --hub URL [--hub-password -]          create or upgrade the hub\'s schema (the hub owner\'s role)',
  'dockside fleet join --hub URL --station-name NAME [--hub-password -]   put this station on the hub (admin)',
  'dockside fleet leave                                      take this station off its hub (admin)',
  'dockside fleet status [--json]                            hub reachable, last push and pull, lines waiting for the hub, upload leases',
  'dockside fleet sync [--once] [--every-ms N]               push this station\'s identities and pull the other docks\'',
].join('\n');

export const HUB_PASSWORD: SecretFlag = { flag: '--hub-password', env: 'DOCKSIDE_HUB_PASSWORD', prompt: 'Hub password' };

const options = { hub: { type: 'string' }, 'station-name': { type: 'string' }, 'hub-password': { type: 'string' }, once: { type: 'boolean', default: false }, 'every-ms': { type: 'string' } } as const;

/** The URL without its password, and the password from the flag, the environment or (warned) the URL. */
async function hubFrom(values: { hub?: string; 'hub-password'?: string }): Promise<{ url: string; password: string | undefined }> {
  if (!values.hub) throw new UsageError('This needs the hub: --hub postgres://ROLE@HOST:5432/DATABASE?sslmode=require.');
  let split: { url: string; password: string | undefined };
  try {
    split = splitHubUrl(values.hub);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (split.password !== undefined) {
    process.stderr.write(`dockside: warning: a password inside --hub can be seen by other users of this computer (ps) and stays in shell history; use --hub-password - (typed without echo, or piped) or ${HUB_PASSWORD.env} instead.\n`);
  }
  return { url: split.url, password: (await secretFrom(HUB_PASSWORD, values['hub-password'])) ?? split.password };
}

async function asAdmin(station: Station, values: { as?: string; pin?: string }): Promise<{ id: number; name: string }> {
  const who = await credentialsFrom(values);
  const signedIn = unwrap(await station.call('session:signIn', { name: who.name, pin: who.pin }));
  await station.call('session:signOut', {}, { sessionToken: signedIn.token });
  if (signedIn.operator.role !== 'admin') throw new CommandFailed(`Only an admin may change the station's fleet; ${signedIn.operator.name} is a ${signedIn.operator.role}.`);
  return { id: signedIn.operator.id, name: signedIn.operator.name };
}

function statusLines(s: FleetStatus): string[] {
  if (!s.member) return ['This station is not in a fleet (dockside fleet join --hub URL --station-name NAME).'];
  return [
    `Station:                  ${s.stationName ?? ''}`,
    `Hub:                      ${s.hub ?? ''}`,
    `Hub reachable:            ${s.reachable === null ? 'not checked' : s.reachable ? 'yes' : `no: ${s.problem ?? ''}`}`,
    `Last push:                ${s.lastPushAt ?? 'never'}`,
    `Last pull:                ${s.lastPullAt ?? 'never'}`,
    `Lines waiting for hub:    ${s.waitingForConfirmation}`,
    `Scanned first elsewhere:  ${s.duplicates}`,
    `Upload leases:            ${s.uploadLeases.length === 0 ? (s.reachable ? 'none' : 'unknown') : s.uploadLeases.map((l) => `${l.customerTenantId} by ${l.stationName} until ${l.expiresAt}`).join('; ')}`,
    `Other docks' batches:     ${s.reachable ? (s.otherBatches.length === 0 ? 'none' : s.otherBatches.map((b) => `${b.stationName} ${b.batchName} (${b.state}, ${b.devices})`).join('; ')) : 'unknown'}`,
    ...(s.auditMismatches.length === 0 ? [`Audit anchors:            ${s.reachable ? 'every station matches its anchor' : 'unknown'}`] : s.auditMismatches.map((m) => `Audit anchors:            ${m.message}`)),
    `Hub password:             ${s.password === 'saved' ? 'saved (encrypted)' : s.password === 'given' ? `given for this command (${HUB_PASSWORD.env} or --hub-password)` : `not saved: give it with ${HUB_PASSWORD.env}`}`,
  ];
}

export async function fleet(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, options);
  const [verb] = positionals;
  if (verb === 'init') {
    const { url, password } = await hubFrom(values);
    const result = await initHub(url, password).catch((err: unknown) => Promise.reject(err instanceof HubError ? new CommandFailed(err.message) : err));
    if (values.json) return io.out(JSON.stringify({ hub: result.where, applied: result.applied, current: result.current }));
    return io.out(result.applied.length === 0 ? `The hub (${result.where}) is up to date (${result.current ?? 'no migrations'}).` : `The hub (${result.where}) now has the fleet schema ${result.current ?? ''} (applied ${result.applied.join(', ')}).`);
  }
  if (verb !== 'join' && verb !== 'leave' && verb !== 'status' && verb !== 'sync') throw new UsageError(`Unknown fleet command "${verb ?? ''}".\n${fleetHelp}`);
  const station = await openStation(dataDirFrom(values['data-dir']), { longLived: verb === 'sync' && !values.once, fleetSync: false });
  try {
    const password = verb === 'join' ? undefined : await secretFrom(HUB_PASSWORD, values['hub-password']);
    const make = (given: string | undefined) => new Fleet({ db: station.database.db, dataDir: station.dataDir, station: station.identity, now: Date.now, logger: station.logger, events: station.events, password: given });
    if (verb === 'join') {
      const name = values['station-name']?.trim();
      if (!name) throw new UsageError('fleet join needs --station-name NAME (what other docks see, e.g. "Dock 3").');
      // The admin's PIN is asked first, then the hub password (one piped line each, in that order).
      if (!values.hub) await hubFrom(values);
      const by = await asAdmin(station, values);
      const hub = await hubFrom(values);
      const joined = await make(hub.password)
        .join(hub.url, name, by)
        .catch((err: unknown) => Promise.reject(err instanceof HubError ? new CommandFailed(err.message) : err));
      if (values.json) return io.out(JSON.stringify({ hub: joined.hub, stationName: name, passwordSaved: joined.saved.kept }));
      io.out(`${name} joined the fleet at ${joined.hub}.`);
      io.out(joined.saved.kept ? `The hub password is kept encrypted with a key from the OS keychain (${joined.saved.store}).` : `The hub password is not kept (${joined.saved.reason}): give it to every fleet command with ${HUB_PASSWORD.env} or --hub-password -.`);
      return;
    }
    if (verb === 'leave') {
      const by = await asAdmin(station, values);
      const left = await make(password)
        .leave(by)
        .catch((err: unknown) => Promise.reject(err instanceof NotInFleet ? new CommandFailed(err.message) : err));
      return io.out(values.json ? JSON.stringify(left) : left.hubTold ? 'This station left its fleet.' : 'This station left its fleet; the hub could not be reached, so it still lists the station (it is told nothing more).');
    }
    const member = make(password);
    if (verb === 'status') {
      const status = await member.status();
      if (values.json) return io.out(JSON.stringify(status));
      for (const line of statusLines(status)) io.out(line);
      return;
    }
    const everyMs = values['every-ms'] === undefined ? 2000 : Number(values['every-ms']);
    if (!Number.isInteger(everyMs) || everyMs < 100 || everyMs > 3_600_000) throw new UsageError('--every-ms is the time between two pushes, 100 to 3600000 ms.');
    if (values.once) {
      const outcome = await member.syncOnce();
      if (!outcome.ok) throw new CommandFailed(outcome.message);
      if (values.json) return io.out(JSON.stringify({ pushed: outcome.pushed, pulled: outcome.pulled, flagged: outcome.flagged.length }));
      io.out(`Pushed ${outcome.pushed} identities, pulled ${outcome.pulled} from the other docks.`);
      if (outcome.flagged.length > 0) io.out(`${outcome.flagged.length} lines were scanned first at another dock: they are flagged on their batch.`);
      if (outcome.operatorsPushed > 0 || outcome.operatorsPulled.length > 0) io.out(`Operators: ${outcome.operatorsPushed} sent to the fleet, ${outcome.operatorsPulled.length} added or changed from other docks.`);
      if (outcome.anchor && !outcome.anchor.anchored) io.err(`dockside fleet: the hub refused this station's audit chain head: ${outcome.anchor.mismatch}.`);
      return;
    }
    member.start(everyMs);
    // The fleet's timers are unref'd (they must not hold serve or the desktop app open): here the
    // command itself is the reason to stay up, until it is told to stop.
    const stayUp = setInterval(() => undefined, 60_000);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    clearInterval(stayUp);
    member.stop();
    await member.settled();
  } finally {
    station.close();
  }
}
