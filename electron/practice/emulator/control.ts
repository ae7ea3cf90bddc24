// The test hooks: what a test (in-process, or over /_emulator/... from another process) may change or
// read. Nothing here is part of Partner Center.
import { advanceAllJobs, jobDone } from './jobs';
import type { CustomerSeed, RegistrySeed, TokenSeed } from './seed';
import type { EmulatorState } from './state';
import { mergeSwitches } from './switches';
import type { Switches, SwitchesPatch } from './switches';
import { throttleBoundMs } from './throttle';
import type {
  Customer, EmulatorStats, PartnerRole, ReceivedDevice, TokenClass, RegistrationCount, RegistryDevice, RequestLogEntry,
} from './types';

export interface EmulatorControl {
  switches(): Switches;
  /** Merges a partial set (nested objects one level deep; `faults` replaced whole). */
  setSwitches(patch: SwitchesPatch): Switches;
  /** Back to the switches the emulator started with. */
  resetSwitches(): Switches;
  addCustomer(seed: CustomerSeed): Customer;
  /** What a customer's Global Admin accepting the reseller invitation does: the tenant becomes a customer. */
  approveRelationship(seed: CustomerSeed): Customer;
  removeCustomer(id: string): boolean;
  addRegistryDevices(devices: RegistrySeed[]): RegistryDevice[];
  registry(): RegistryDevice[];
  addToken(seed: TokenSeed): void;
  tokens(): { token: string; tokenClass: TokenClass; role: PartnerRole }[];
  requests(): RequestLogEntry[];
  /** Devices of accepted upload requests as they arrived (fields sent, values untouched); cleared with the request log. */
  receivedDevices(): ReceivedDevice[];
  resetRequests(): void;
  stats(): EmulatorStats;
  /** Every identity registered so far, with how many times. */
  registrations(): RegistrationCount[];
  /** Identities registered more than once. */
  duplicates(): RegistrationCount[];
  /** Finishes every job now, whatever the switches (stuck included). */
  completeJobs(): void;
  /** Moves the emulator's clock (jobs, throttle refill, idempotency expiry) without waiting. */
  advanceTime(ms: number): void;
  throttleBoundMs(n: number, routeId: string, perCustomer?: boolean): number;
  /** Back to the seed: records, counters, log, switches. */
  reset(): void;
}

export function createControl(state: EmulatorState): EmulatorControl {
  return {
    switches: () => state.switches,
    setSwitches: (patch) => (state.switches = mergeSwitches(state.switches, patch)),
    resetSwitches: () => (state.switches = state.startingSwitches()),
    addCustomer: (seed) => state.addCustomer(seed),
    approveRelationship: (seed) => state.addCustomer({ relationshipToPartner: 'reseller', ...seed }),
    removeCustomer: (id) => state.customers.delete(id.toLowerCase()),
    addRegistryDevices: (devices) => devices.map((d) => state.addRegistry(d)),
    registry: () => state.registry.map((r) => ({ ...r })),
    addToken: (seed) => state.addToken(seed),
    tokens: () => [...state.tokens].map(([token, grant]) => ({ token, ...grant })),
    requests: () => [...state.log],
    receivedDevices: () => state.received.map((r) => ({ ...r, device: { ...r.device } })),
    resetRequests: () => {
      state.log = [];
      state.received = [];
    },
    stats: () => stats(state),
    registrations: () => [...state.registrations].map(([identity, count]) => ({ identity, count })),
    duplicates: () => state.duplicates(),
    completeJobs: () => advanceAllJobs(state, true),
    advanceTime: (ms) => {
      state.advanceClock(ms);
      advanceAllJobs(state);
    },
    throttleBoundMs: (n, routeId, perCustomer) => throttleBoundMs(n, state.switches.throttle, routeId, perCustomer),
    reset: () => state.reset(),
  };
}

function stats(state: EmulatorState): EmulatorStats {
  advanceAllJobs(state);
  const byStatus: Record<string, number> = {};
  for (const e of state.log) {
    const key = e.status === null ? e.outcome : String(e.status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  const jobs = { total: 0, queued: 0, processing: 0, done: 0 };
  for (const job of state.jobs.values()) {
    jobs.total += 1;
    if (jobDone(job)) jobs.done += 1;
    else if (job.startedTime) jobs.processing += 1;
    else jobs.queued += 1;
  }
  let registrations = 0;
  for (const n of state.registrations.values()) registrations += n;
  return {
    requests: state.log.length,
    byStatus,
    customers: state.customers.size,
    batches: state.batches.size,
    devices: state.devices.size,
    jobs,
    registrations,
    duplicates: state.duplicates(),
  };
}
