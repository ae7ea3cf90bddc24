import { dataDirFrom, parse, UsageError } from '../args';
import { openPartnerStation, partnerOptions, tokenCacheWords } from '../partner-options';
import type { Io } from '../run';
import { startHost } from '../../host/server';
import { hostTokenProblem } from '../../host/guard';
import { HOST_TOKEN, secretFrom } from '../secrets';
import { logCrashes } from '../../core/logging/crash-log';

export const serveHelp = [
  'dockside serve [--port N] [--host-token -] [--practice]   run the station in a browser on 127.0.0.1; a fixed host token (16+ characters)',
  '                                                         typed without echo, piped, or DOCKSIDE_HOST_TOKEN (else a random one)',
  '      [--partner-center-url URL --token TOKEN]           ... talking to Partner Center (a loopback URL = the emulator, practice mode);',
  '                                                         without --token, a lead signs in from the station page (system browser here)',
].join('\n');

export async function serve(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    'host-token': { type: 'string' },
    'static-dir': { type: 'string' },
    practice: { type: 'boolean', default: false },
    ...partnerOptions,
  });
  const port = values.port === undefined ? 5717 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535.');
  const hostToken = await secretFrom(HOST_TOKEN, values['host-token']);
  const tokenProblem = hostToken === undefined ? null : hostTokenProblem(hostToken);
  if (tokenProblem) throw new UsageError(tokenProblem);
  // The lead signs in from the station's page: partner:signIn opens the system browser of this machine.
  const { station, partner } = await openPartnerStation(dataDirFrom(values['data-dir']), values, { practiceMode: values.practice, longLived: true });
  logCrashes(station.logger);
  if (partner.msal) io.out(`Partner Center: Microsoft sign-in; the token cache is ${tokenCacheWords(partner)}.`);
  station.sync.start();
  const host = await startHost({ station, port, hostToken, staticDir: values['static-dir'] });
  io.out(`Dockside is ready at ${host.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await station.sync.stop();
  station.close();
}
