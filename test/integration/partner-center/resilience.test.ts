// Faults, throttling and auth against the emulator: what is retried, how long the client waits,
// and that one logical call keeps one MS-RequestId across its attempts (a new call gets a new one).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { SignInRequiredError, staticTokenProvider, type TokenProvider } from '../../../electron/partner-center/token-provider';
import { CONTOSO, PK, TOKEN, client, recordingFetch, rotatingProvider, start, virtualEmulator, type Virtual } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.resetSwitches();
  emu.control.resetRequests();
});

const logFor = (e: RunningEmulator, requestId: string) => e.control.requests().filter((r) => r.requestId === requestId);
const getContoso = (c: ReturnType<typeof client>, requestId?: string) => c.customers.get(CONTOSO, requestId ? { requestId } : undefined);

describe('transient failures are retried with the same MS-RequestId', () => {
  it.each([500, 502, 503, 504] as const)('%i twice, then success', async (status) => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status, times: 2, rate: 1, after: false }] });
    const res = await getContoso(client(emu));
    expect(res).toMatchObject({ ok: true, meta: { attempts: 3, status: 200 } });
    if (!res.ok) return;
    const attempts = logFor(emu, res.meta.requestId);
    expect(attempts.map((a) => a.status)).toEqual([status, status, 200]);
    expect(new Set(attempts.map((a) => a.correlationId)).size).toBe(1);
    // A new logical call gets a new id.
    const next = await getContoso(client(emu));
    expect(next.ok && next.meta.requestId).not.toBe(res.meta.requestId);
  });

  it('gives up after maxAttempts with kind server, the status and the service description', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status: 503, rate: 1, after: false }] });
    const res = await getContoso(client(emu, { retry: { maxAttempts: 3 } }));
    expect(res).toMatchObject({ ok: false, error: { kind: 'server', status: 503, attempts: 3, description: 'The service is unavailable.' } });
    if (!res.ok) expect(logFor(emu, res.error.requestId)).toHaveLength(3);
  });

  it('a dropped connection is a network failure, retried', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'drop', times: 2, rate: 1, after: false }] });
    const res = await getContoso(client(emu));
    expect(res).toMatchObject({ ok: true, meta: { attempts: 3 } });
    if (res.ok) expect(logFor(emu, res.meta.requestId).map((a) => a.outcome)).toEqual(['dropped', 'dropped', 'answered']);
  });

  it('connections always dropped: kind network after every attempt', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'drop', rate: 1, after: false }] });
    expect(await getContoso(client(emu, { retry: { maxAttempts: 2 } }))).toMatchObject({ ok: false, error: { kind: 'network', status: null, attempts: 2 } });
  });

  it('nobody listening: kind network', async () => {
    const dead = await start();
    const url = dead.url;
    await dead.close();
    const c = client({ ...emu, url }, { retry: { maxAttempts: 2 } });
    expect(await getContoso(c)).toMatchObject({ ok: false, error: { kind: 'network', attempts: 2 } });
  });

  it('a hang hits the per-attempt deadline, then the retry succeeds', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'hang', times: 1, rate: 1, after: false }] });
    const started = performance.now();
    const res = await getContoso(client(emu, { timeoutMs: 300 }));
    expect(res).toMatchObject({ ok: true, meta: { attempts: 2 } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    if (res.ok) expect(logFor(emu, res.meta.requestId).map((a) => a.outcome)).toEqual(['hung', 'answered']);
  });

  it('always hanging: kind timeout', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'hang', rate: 1, after: false }] });
    expect(await getContoso(client(emu, { timeoutMs: 150, retry: { maxAttempts: 2 } }))).toMatchObject({ ok: false, error: { kind: 'timeout', status: null, attempts: 2 } });
  });

  it('slow answers within the deadline are just slow', async () => {
    emu.control.setSwitches({ latency: { ms: 120, jitterMs: 30 } });
    expect(await getContoso(client(emu, { timeoutMs: 1000 }))).toMatchObject({ ok: true, meta: { attempts: 1 } });
    expect(await getContoso(client(emu, { timeoutMs: 60, retry: { maxAttempts: 2 } }))).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('a batch created but its answer lost is retried with the same MS-RequestId and replayed: one job, no duplicate', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'drop', times: 1, rate: 1, after: true, method: 'POST' }], jobAdvance: { pollsPerStep: 0, msPerStep: 0 } });
    const pc = client(emu);
    const res = await pc.deviceBatches.create(CONTOSO, { batchId: 'Lost answer', devices: [{ productKey: PK.free[4]! }] });
    expect(res).toMatchObject({ ok: true, meta: { attempts: 2 } });
    if (!res.ok) return;
    expect(logFor(emu, res.meta.requestId).map((a) => [a.method, a.outcome])).toEqual([['POST', 'dropped'], ['POST', 'replayed']]);
    expect(emu.control.stats().jobs.total).toBe(1);
    expect(emu.control.duplicates()).toEqual([]);
  });

  it('the caller\'s MS-RequestId is used, and kept across retries (what the upload engine persists)', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'status', status: 500, times: 1, rate: 1, after: false }] });
    const id = '0e4b1c3a-9d8f-4e7a-b6c5-d4e3f2a1b0c9';
    expect(await getContoso(client(emu), id)).toMatchObject({ ok: true, meta: { requestId: id, attempts: 2 } });
    expect(logFor(emu, id)).toHaveLength(2);
  });

  it('a cancelled call stops at once and is not retried', async () => {
    emu.control.setSwitches({ faults: [{ kind: 'hang', rate: 1, after: false }] });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const res = await client(emu, { timeoutMs: 5000 }).customers.get(CONTOSO, { signal: ac.signal });
    expect(res).toMatchObject({ ok: false, error: { kind: 'network', cancelled: true, attempts: 1 } });
  });

  it('works when the service insists on MS-Contract-Version (it is always sent)', async () => {
    emu.control.setSwitches({ strictContractVersion: true });
    expect(await getContoso(client(emu))).toMatchObject({ ok: true });
  });

  it('the tuple-only 500 ("Sequence contains no matching element") comes back as server after retries', async () => {
    emu.control.setSwitches({ tupleOnly500: true });
    const res = await client(emu, { retry: { maxAttempts: 2 } }).deviceBatches.create(CONTOSO, {
      batchId: 'tuples', devices: [{ serialNumber: 'X1', oemManufacturerName: 'Dell Inc.', modelName: 'Latitude 5440' }],
    });
    expect(res).toMatchObject({ ok: false, error: { kind: 'server', status: 500, description: 'Sequence contains no matching element', attempts: 2 } });
  });

  it('refuses to send the token to another origin named in a link', async () => {
    const res = await client(emu).request({ method: 'GET', path: 'https://evil.example/v1/customers', expect: [200], read: () => ({ ok: true, value: 1 }) });
    expect(res).toMatchObject({ ok: false, error: { kind: 'unexpected', attempts: 0 } });
    expect(emu.control.requests()).toHaveLength(0);
  });
});

describe('429 and Retry-After', () => {
  let v: Virtual;
  beforeEach(async () => {
    v = await virtualEmulator({ switches: {
      // One request per 3 seconds on customers.get: the second call in a row is throttled for 3 s.
      throttle: { routes: { 'customers.get': { partner: { capacity: 1, refillPerSecond: 1 / 3 } } } },
    } });
  });
  afterEach(() => v.emu.close());

  it.each(['seconds', 'http-date'] as const)('Retry-After as %s: the retry comes no earlier than asked, with the same MS-RequestId', async (form) => {
    v.emu.control.setSwitches({ retryAfter: form });
    const rec = recordingFetch(v.now);
    const pc = client(v.emu, { now: v.now, sleep: v.sleep, fetch: rec.fetchImpl, retry: { baseDelayMs: 200, maxDelayMs: 1000 } });
    const first = await getContoso(pc);
    expect(first).toMatchObject({ ok: true, meta: { attempts: 1 } });
    const second = await getContoso(pc);
    expect(second).toMatchObject({ ok: true });
    if (!second.ok || !first.ok) return;
    expect(second.meta.requestId).not.toBe(first.meta.requestId);
    expect(second.meta.attempts).toBeGreaterThanOrEqual(2);
    const attempts = logFor(v.emu, second.meta.requestId);
    expect(attempts[0]).toMatchObject({ status: 429, outcome: 'throttled' });
    expect(attempts.at(-1)).toMatchObject({ status: 200 });
    const answers = rec.answers.filter((a) => a.requestId === second.meta.requestId);
    for (let i = 1; i < attempts.length; i++) {
      const prev = answers[i - 1]!;
      const retryAt = Date.parse(attempts[i]!.at);
      const notBefore = form === 'seconds' ? prev.at + Number(prev.retryAfter) * 1000 : Date.parse(prev.retryAfter ?? '');
      expect(prev.retryAfter).toBeTruthy();
      expect(retryAt).toBeGreaterThanOrEqual(notBefore);
    }
    if (form === 'seconds') expect(Date.parse(attempts[1]!.at) - Date.parse(attempts[0]!.at)).toBeGreaterThanOrEqual(3000);
  });

  it('a Retry-After longer than the client will wait in-process: kind throttled with the wait, no retry', async () => {
    const rec = recordingFetch(v.now);
    const pc = client(v.emu, { now: v.now, sleep: v.sleep, fetch: rec.fetchImpl, retry: { maxRetryAfterMs: 2000 } });
    await getContoso(pc);
    const res = await getContoso(pc);
    expect(res).toMatchObject({ ok: false, error: { kind: 'throttled', status: 429, attempts: 1, retryAfterMs: 3000, code: '429', description: expect.stringMatching(/Rate limit is exceeded/) } });
    expect(v.slept).toEqual([]);
  });

  it('in real time too: Retry-After 1 s is waited out on the wall clock', async () => {
    const real = await start({ switches: { throttle: { routes: { 'customers.get': { partner: { capacity: 1, refillPerSecond: 1 } } } } } });
    try {
      const pc = client(real);
      await getContoso(pc);
      const res = await getContoso(pc);
      if (!res.ok) return expect.fail(res.error.message);
      const attempts = logFor(real, res.meta.requestId);
      expect(attempts.map((a) => a.status)).toEqual([429, 200]);
      expect(Date.parse(attempts[1]!.at) - Date.parse(attempts[0]!.at)).toBeGreaterThanOrEqual(1000);
    } finally {
      await real.close();
    }
  });
});

describe('auth', () => {
  it('401 once: one forced refresh, the same MS-RequestId, then success', async () => {
    const provider = rotatingProvider('emulator-expired-token', TOKEN);
    const res = await getContoso(client(emu, { tokenProvider: provider }));
    expect(res).toMatchObject({ ok: true, meta: { attempts: 2 } });
    expect(provider.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    if (res.ok) expect(logFor(emu, res.meta.requestId).map((a) => a.status)).toEqual([401, 200]);
  });

  it('still 401 after the refresh: kind auth, exactly two requests, no back-off retries', async () => {
    const provider = rotatingProvider('emulator-expired-token', 'emulator-expired-token');
    const res = await getContoso(client(emu, { tokenProvider: provider }));
    expect(res).toMatchObject({ ok: false, error: { kind: 'auth', status: 401, attempts: 2, description: 'The access token has expired.' } });
    expect(provider.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
    if (!res.ok) expect(logFor(emu, res.error.requestId)).toHaveLength(2);
  });

  it('an unknown token is auth too', async () => {
    expect(await getContoso(client(emu, { tokenProvider: staticTokenProvider('garbage') }))).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
  });

  it('no-MFA token: auth with code 900421 while MFA is enforced (the default), fine when it is not', async () => {
    const c = client(emu, { tokenProvider: staticTokenProvider('emulator-no-mfa-token') });
    expect(await getContoso(c)).toMatchObject({ ok: false, error: { kind: 'auth', code: '900421', description: expect.stringMatching(/Multi-factor/) } });
    emu.control.setSwitches({ strictMfa: false });
    expect(await getContoso(c)).toMatchObject({ ok: true });
  });

  it('a provider that needs an interactive sign-in: kind auth, nothing sent', async () => {
    const provider: TokenProvider = { ...staticTokenProvider('x'), getToken: async () => { throw new SignInRequiredError(); } };
    const res = await getContoso(client(emu, { tokenProvider: provider }));
    expect(res).toMatchObject({ ok: false, error: { kind: 'auth', attempts: 0, description: expect.stringMatching(/sign-in is needed/) } });
    expect(emu.control.requests()).toHaveLength(0);
  });

  it('JWT-shaped tokens are classified by claims (app+user with MFA works, expired is auth)', async () => {
    const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    const good = jwt({ scp: 'user_impersonation', amr: ['pwd', 'mfa'], exp: Math.floor(Date.now() / 1000) + 3600 });
    const expired = jwt({ scp: 'user_impersonation', amr: ['mfa'], exp: 1 });
    expect(await getContoso(client(emu, { tokenProvider: staticTokenProvider(good) }))).toMatchObject({ ok: true });
    expect(await getContoso(client(emu, { tokenProvider: staticTokenProvider(expired) }))).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});
