// Shared set-up for the client tests: the real emulator over loopback, a client with back-off scaled
// down, and an optional virtual clock shared by the client and the emulator, so Retry-After waits of
// seconds cost no wall time while the emulator's request log still shows them.
import { staticTokenProvider, type TokenProvider } from '../../../electron/partner-center/token-provider';
import { createPartnerCenterClient, type PartnerCenterClientOptions } from '../../../electron/partner-center/client';
import type { FetchLike } from '../../../electron/partner-center/http';
import type { EmulatorOptions, RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { start, TOKEN } from '../emulator/helpers';

export { CONTOSO, FABRIKAM, OTHER_TENANT, PK, TUPLE, TOKEN } from '../emulator/helpers';

export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 4 };

export function client(emu: RunningEmulator, opts: Partial<PartnerCenterClientOptions> = {}) {
  return createPartnerCenterClient({
    baseUrl: emu.url,
    tokenProvider: staticTokenProvider(TOKEN),
    timeoutMs: 3000,
    ...opts,
    retry: { ...FAST_RETRY, ...opts.retry },
  });
}

export interface Virtual {
  emu: RunningEmulator;
  now: () => number;
  /** What the client's sleeps added up to. */
  slept: number[];
  sleep: (ms: number) => Promise<boolean>;
}

/** An emulator whose clock only moves when the client sleeps (or a test advances it). */
export async function virtualEmulator(opts: EmulatorOptions = {}): Promise<Virtual> {
  let t = Date.parse('2026-03-02T10:00:00.000Z');
  const slept: number[] = [];
  const emu = await start({ ...opts, clock: () => t });
  return {
    emu,
    now: () => t,
    slept,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
      return true;
    },
  };
}

/** A real fetch that remembers each answer's status and Retry-After, keyed by MS-RequestId. */
export function recordingFetch(now: () => number) {
  const answers: { requestId: string; status: number; retryAfter: string | null; at: number }[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(init.headers);
    answers.push({ requestId: headers.get('ms-requestid') ?? '', status: res.status, retryAfter: res.headers.get('retry-after'), at: now() });
    return res;
  };
  return { fetchImpl, answers };
}

/** A token provider whose first token is stale: a forced refresh gives the good one. */
export function rotatingProvider(first: string, refreshed: string): TokenProvider & { calls: { forceRefresh: boolean }[] } {
  const calls: { forceRefresh: boolean }[] = [];
  let current = first;
  return {
    kind: 'static',
    calls,
    getToken: async (options) => {
      calls.push({ forceRefresh: options?.forceRefresh === true });
      if (options?.forceRefresh) current = refreshed;
      return current;
    },
    account: async () => ({ username: 'lead@partner.example', tenantId: null }),
    signIn: async () => ({ username: 'lead@partner.example', tenantId: null }),
    signOut: async () => {},
  };
}

export { start };
