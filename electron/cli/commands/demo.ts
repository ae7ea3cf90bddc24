// `dockside demo` (npm run demo): the whole station on this machine with nothing real behind it: the
// Partner Center emulator with the demo world, a station in a fresh folder in practice mode, three
// operators with their PINs on screen, and the browser host.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticTokenProvider } from '../../partner-center/token-provider';
import { startHost } from '../../host/server';
import { logCrashes } from '../../core/logging/crash-log';
import { parse, UsageError } from '../args';
import { CommandFailed, openStation, unwrap, type Io } from '../run';

export const demoHelp = 'dockside demo [--port N] [--data-dir DIR] [--emulator-port N]   try the station against the Partner Center emulator';

export const DEMO_TOKEN = 'emulator-app-user-token';
export const DEMO_OPERATORS = [
  { name: 'Ada Admin', role: 'admin', pin: '482913' },
  { name: 'Lee Lead', role: 'lead', pin: '739154' },
  { name: 'Olga Operator', role: 'operator', pin: '602817' },
] as const;

const seedFile = fileURLToPath(new URL('../../practice/emulator/seeds/demo.json', import.meta.url));

function portFrom(value: string | undefined, flag: string): number {
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${flag} must be a number from 0 to 65535.`);
  return port;
}

export async function demo(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, { port: { type: 'string' }, 'emulator-port': { type: 'string' }, 'static-dir': { type: 'string' } });
  const port = portFrom(values.port, '--port');
  const emulatorPort = portFrom(values['emulator-port'], '--emulator-port');
  // Practice mode's emulator is the product's (electron/practice/), loaded only when the demo runs: the desktop bundle never carries it.
  const { startEmulator } = await import('../../practice/emulator/index');
  const emulator = await startEmulator({ port: emulatorPort, seedFile });
  const fresh = typeof values['data-dir'] !== 'string';
  const dataDir = fresh ? mkdtempSync(join(tmpdir(), 'dockside-demo-')) : String(values['data-dir']);
  const station = await openStation(dataDir, {
    practiceMode: true,
    longLived: true,
    partnerCenter: { baseUrl: emulator.url, tokenProvider: staticTokenProvider(DEMO_TOKEN, 'practice-lead@emulator.local') },
  });
  try {
    const info = unwrap(await station.call('station:info', {}));
    if (info.needsFirstAdmin) {
      const [admin, ...others] = DEMO_OPERATORS;
      unwrap(await station.call('station:setupFirstAdmin', { name: admin.name, pin: admin.pin }));
      const session = unwrap(await station.call('session:signIn', { name: admin.name, pin: admin.pin }));
      for (const o of others) unwrap(await station.call('operators:add', { name: o.name, role: o.role, pin: o.pin }, { sessionToken: session.token }));
      const refreshed = await station.call('customers:refresh', {}, { sessionToken: session.token });
      io.out(refreshed.ok ? `Fetched ${refreshed.value.count} customers from the emulator.` : `Customer refresh failed: ${refreshed.error.message}`);
      await station.call('session:signOut', {}, { sessionToken: session.token });
      io.out('Operators (name / PIN):');
      for (const o of DEMO_OPERATORS) io.out(`  ${o.role.padEnd(9)} ${o.name.padEnd(16)} PIN ${o.pin}`);
    } else {
      io.out(`Using the existing station in ${dataDir}: its operators and PINs are unchanged.`);
    }
  } catch (err) {
    station.close();
    await emulator.close();
    if (err instanceof CommandFailed) throw err;
    throw new CommandFailed(`The demo could not be set up: ${err instanceof Error ? err.message : String(err)}`);
  }
  logCrashes(station.logger);
  station.sync.start();
  const host = await startHost({ station, port, staticDir: values['static-dir'] });
  io.out(`Practice mode: Partner Center emulator at ${emulator.url} (token ${DEMO_TOKEN}); nothing reaches Microsoft.`);
  io.out(`Station data: ${dataDir}${fresh ? ' (removed when the demo stops)' : ''}`);
  io.out(`Dockside is ready at ${host.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await host.close();
  await station.sync.stop();
  station.close();
  await emulator.close();
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
}
