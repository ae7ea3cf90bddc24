// Entry point for tests, the CLI and the demo: start a Partner Center emulator on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControl } from './control';
import type { EmulatorControl } from './control';
import { loadSeedFile, seedSchema } from './seed';
import type { Seed } from './seed';
import { createRequestListener } from './server';
import { EmulatorState } from './state';
import type { SwitchesPatch } from './switches';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. The emulator binds 127.0.0.1 only. */
  port?: number;
  seed?: Seed;
  /** A seed JSON file, read before `seed` is applied on top (customers, registry and tokens appended). */
  seedFile?: string;
  /** Applied over the seed's switches. */
  switches?: SwitchesPatch;
  /** Partner tenant id (WWW-Authenticate realm, invitation URL). */
  partnerId?: string;
  /** Time source; defaults to Date.now. Control.advanceTime moves it further. */
  clock?: () => number;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:41234`; the API is under `${url}/v1`, control hooks under `${url}/_emulator`. */
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

const DEFAULT_PARTNER_ID = '4d3c2b1a-0000-4000-8000-00000000d0c5';

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const fromFile = opts.seedFile ? await loadSeedFile(opts.seedFile) : seedSchema.parse({});
  const inline = seedSchema.parse(opts.seed ?? {});
  const seed = {
    partnerId: inline.partnerId ?? fromFile.partnerId,
    customers: [...fromFile.customers, ...inline.customers],
    registry: [...fromFile.registry, ...inline.registry],
    tokens: [...fromFile.tokens, ...inline.tokens],
    switches: { ...fromFile.switches, ...inline.switches },
  };
  const partnerId = opts.partnerId ?? seed.partnerId ?? DEFAULT_PARTNER_ID;
  const state = new EmulatorState(seed, opts.switches ?? {}, partnerId, opts.clock);
  const control = createControl(state);
  let url = '';
  const server = createServer(createRequestListener({ state, control, baseUrl: () => url }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    control,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Hung requests and keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    }),
  };
}

export type { EmulatorControl } from './control';
export type { Seed, CustomerSeed, RegistrySeed, TokenSeed } from './seed';
export type { Switches, SwitchesPatch, FaultRule, ThrottleConfig, BucketConfig } from './switches';
export { defaultSwitches } from './switches';
export { throttleBoundMs, bucketBoundMs } from './throttle';
export type { ReceivedDevice, RequestLogEntry, EmulatorStats, RegistrationCount, TokenClass } from './types';
export { DEVICE_ERRORS } from './device-rules';
