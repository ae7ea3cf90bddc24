// customers:* and partner:* through the real station (SQLite file in a temp folder) against the real
// emulator over loopback: refresh, cache, search, offline, failures that leave the cache alone, roles.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { staticTokenProvider, type TokenProvider } from '../../../electron/partner-center/token-provider';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { CONTOSO, FABRIKAM, start } from '../emulator/helpers';
import { snapshotDatabase, tempStation, type TempStation } from '../../helpers/temp-station';

const fast = { timeoutMs: 500, retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };
const more = Array.from({ length: 4 }, (_, i) => ({ id: `00000000-0000-4000-8000-0000000000a${i}`, companyName: `Ålesund Ferje ${i} AS`, domain: `ferje${i}.onmicrosoft.com` }));

let emu: RunningEmulator;
let t: TempStation;
let lead: string;
let operator: string;
let admin: string;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  emu = await start({ switches: { customersPageCap: 2 } });
  for (const c of more) emu.control.addCustomer(c);
  t = await tempStation({ practiceMode: true, partnerCenter: { baseUrl: emu.url, tokenProvider: staticTokenProvider('emulator-app-user-token'), clientOptions: fast } });
  lead = await t.tokenFor('lead');
  operator = await t.tokenFor('operator');
  admin = await t.tokenFor('admin');
});
afterAll(async () => {
  t.cleanup();
  await emu.close();
});
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const auditRows = (s: TempStation, action: string) =>
  s.station.database.sqlite.prepare('SELECT result, detail FROM audit WHERE action = ? ORDER BY id').all(action) as { result: string; detail: string }[];

describe('customers', () => {
  it('before any refresh: status says configured and signed in, the list is empty with no refresh time', async () => {
    expect(await t.station.call('partner:status', {}, { sessionToken: operator })).toMatchObject({
      ok: true, value: { configured: true, signedIn: true, account: 'practice@emulator.local', baseUrl: emu.url, practiceMode: true, lastCustomerRefreshAt: null },
    });
    expect(await t.station.call('customers:list', {}, { sessionToken: operator })).toEqual({ ok: true, value: { refreshedAt: null, customers: [] } });
  });

  it('a lead refreshes (all 3 pages) into the cache in one go, with an audit row of the counts', async () => {
    const r = await t.station.call('customers:refresh', {}, { sessionToken: lead });
    expect(r).toMatchObject({ ok: true, value: { count: 6, added: 6, removed: 0, kept: 0, pages: 3 } });
    const list = await t.station.call('customers:list', {}, { sessionToken: operator });
    if (!list.ok) return expect.fail(list.error.message);
    expect(list.value.customers).toHaveLength(6);
    expect(list.value.refreshedAt).toBe(r.ok ? r.value.refreshedAt : -1);
    expect(list.value.customers.map((c) => c.companyName)).toEqual([...list.value.customers.map((c) => c.companyName)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(list.value.customers.find((c) => c.tenantId === CONTOSO)).toMatchObject({ companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller', listed: true });
    const audit = auditRows(t, 'customers:refresh');
    expect(audit.at(-1)?.result).toBe('ok');
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toMatchObject({ count: 6, added: 6, pages: 3 });
  });

  it('searches name or domain, case-insensitively, Unicode included', async () => {
    const search = async (text: string) => {
      const r = await t.station.call('customers:list', { search: text }, { sessionToken: operator });
      return r.ok ? r.value.customers.map((c) => c.tenantId) : [];
    };
    expect(await search('CONTOSO')).toEqual([CONTOSO]);
    expect(await search('fabrikam.onmicrosoft')).toEqual([FABRIKAM]);
    expect(await search('ålesund')).toHaveLength(4);
    expect(await search('FERJE2')).toEqual([more[2]!.id]);
    expect(await search('nobody')).toEqual([]);
    expect(await search('  ')).toHaveLength(6);
  });

  it('a second refresh drops customers Partner Center no longer lists, but keeps one a batch refers to', async () => {
    const db = t.station.database.sqlite;
    db.prepare('UPDATE batches SET customer_tenant_id = ? WHERE id = (SELECT id FROM batches LIMIT 1)').run(more[0]!.id);
    if ((db.prepare('SELECT count(*) AS n FROM batches WHERE customer_tenant_id = ?').get(more[0]!.id) as { n: number }).n === 0) {
      const b = await t.station.call('batches:create', { name: 'PO for Ferje 0' }, { sessionToken: lead });
      if (!b.ok) return expect.fail(b.error.message);
      db.prepare('UPDATE batches SET customer_tenant_id = ? WHERE id = ?').run(more[0]!.id, b.value.id);
    }
    emu.control.removeCustomer(more[0]!.id);
    emu.control.removeCustomer(more[1]!.id);
    emu.control.addCustomer({ id: '00000000-0000-4000-8000-0000000000b1', companyName: 'Wide World Importers', domain: 'wwi.onmicrosoft.com' });
    const r = await t.station.call('customers:refresh', {}, { sessionToken: admin });
    expect(r).toMatchObject({ ok: true, value: { count: 5, added: 1, removed: 1, kept: 1 } });
    const list = await t.station.call('customers:list', {}, { sessionToken: operator });
    if (!list.ok) return expect.fail(list.error.message);
    expect(list.value.customers).toHaveLength(6);
    expect(list.value.customers.find((c) => c.tenantId === more[0]!.id)).toMatchObject({ listed: false });
    expect(list.value.customers.find((c) => c.tenantId === more[1]!.id)).toBeUndefined();
    expect((await t.station.call('partner:status', {}, { sessionToken: operator })).ok).toBe(true);
  });

  it('Partner Center gone: list still works from the cache; refresh fails as OFFLINE and changes nothing but an audit row', async () => {
    const dead = await start();
    const s = await tempStation({ partnerCenter: { baseUrl: dead.url, tokenProvider: staticTokenProvider('emulator-app-user-token'), clientOptions: fast } });
    cleanups.push(() => s.cleanup());
    const l = await s.tokenFor('lead');
    expect(await s.station.call('customers:refresh', {}, { sessionToken: l })).toMatchObject({ ok: true, value: { count: 2 } });
    await dead.close();
    const before = snapshotDatabase(s.station);
    const cached = await s.station.call('customers:list', { search: 'contoso' }, { sessionToken: l });
    expect(cached).toMatchObject({ ok: true, value: { customers: [{ tenantId: CONTOSO }] } });
    const failed = await s.station.call('customers:refresh', {}, { sessionToken: l });
    expect(failed).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringMatching(/could not be reached.*was kept unchanged/), details: { kind: 'network', requestId: expect.any(String) } } });
    const after = JSON.parse(snapshotDatabase(s.station)) as [string, unknown[]][];
    const beforeTables = JSON.parse(before) as [string, unknown[]][];
    for (const [name, rows] of after) {
      const prev = beforeTables.find(([n]) => n === name)?.[1];
      if (name === 'audit') expect(rows.length).toBe((prev?.length ?? 0) + 1);
      else if (name !== 'sqlite_sequence') expect(rows).toEqual(prev);
    }
    expect(auditRows(s, 'customers:refresh').map((a) => a.result)).toEqual(['ok', 'failed']);
    expect(await s.station.call('customers:list', {}, { sessionToken: l })).toMatchObject({ ok: true, value: { customers: [{}, {}] } });
  });

  it.each([
    ['an expired token', 'emulator-expired-token', {}, 'REMOTE_ERROR', /sign-in is needed/, 'auth'],
    ['a token without MFA once MFA is enforced', 'emulator-no-mfa-token', { strictMfa: true }, 'REMOTE_ERROR', /sign-in with MFA is needed/, 'auth'],
    ['throttling on page 2 (Retry-After beyond what the station waits)', 'emulator-app-user-token',
      { throttle: { routes: { 'customers.list': { partner: { capacity: 1, refillPerSecond: 0.001 } } } } }, 'REMOTE_ERROR', /limiting how fast.*Try again in \d+ seconds/, 'throttled'],
  ] as const)('refresh with %s fails with an explanation and leaves the cached list alone', async (_name, token, switches, code, message, kind) => {
    let current = 'emulator-app-user-token';
    const provider: TokenProvider = { ...staticTokenProvider(current), getToken: async () => current };
    const s = await tempStation({ partnerCenter: { baseUrl: emu.url, tokenProvider: provider, clientOptions: fast } });
    cleanups.push(() => s.cleanup());
    const l = await s.tokenFor('lead');
    expect(await s.station.call('customers:refresh', {}, { sessionToken: l })).toMatchObject({ ok: true });
    const cached = await s.station.call('customers:list', {}, { sessionToken: l });
    current = token;
    emu.control.setSwitches(switches);
    cleanups.push(() => emu.control.resetSwitches());
    const r = await s.station.call('customers:refresh', {}, { sessionToken: l });
    expect(r).toMatchObject({ ok: false, error: { code, message, details: { kind, requestId: expect.any(String), correlationId: expect.any(String) } } });
    expect(await s.station.call('customers:list', {}, { sessionToken: l })).toEqual(cached);
  });

  it('the invitation link comes with the explanation: Global Administrator accepts, no delegated admin rights needed', async () => {
    const r = await t.station.call('customers:relationshipRequest', {}, { sessionToken: lead });
    expect(r).toMatchObject({ ok: true, value: { url: expect.stringMatching(/^https:\/\/admin\.microsoft\.com\//) } });
    if (r.ok) {
      expect(r.value.explanation).toMatch(/Global Administrator/);
      expect(r.value.explanation).toMatch(/NOT needed/);
    }
    const appOnly = await tempStation({ partnerCenter: { baseUrl: emu.url, tokenProvider: staticTokenProvider('emulator-app-only-token'), clientOptions: fast } });
    cleanups.push(() => appOnly.cleanup());
    const refused = await appOnly.station.call('customers:relationshipRequest', {}, { sessionToken: await appOnly.tokenFor('lead') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REMOTE_ERROR', message: expect.stringMatching(/refused/), details: { kind: 'forbidden', status: 403 } } });
  });

  it('roles: operators may list and see status, only leads and admins refresh, sign in and out', async () => {
    for (const channel of ['customers:refresh', 'customers:relationshipRequest', 'partner:signIn', 'partner:signOut'] as const) {
      expect(await t.station.call(channel, {}, { sessionToken: operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await t.station.call('partner:signIn', {}, { sessionToken: lead })).toEqual({ ok: true, value: { account: 'practice@emulator.local' } });
    expect(await t.station.call('partner:signOut', {}, { sessionToken: admin })).toEqual({ ok: true, value: { done: true } });
    expect(auditRows(t, 'partner:signIn').map((a) => a.result)).toEqual(['ok']);
    expect(auditRows(t, 'partner:signOut')).toHaveLength(1);
  });

  it('without Partner Center set up: status says so; refresh explains; the cache still lists', async () => {
    const s = await tempStation();
    cleanups.push(() => s.cleanup());
    const l = await s.tokenFor('lead');
    expect(await s.station.call('partner:status', {}, { sessionToken: l })).toMatchObject({ ok: true, value: { configured: false, signedIn: false, account: null, baseUrl: null } });
    expect(await s.station.call('customers:refresh', {}, { sessionToken: l })).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    expect(await s.station.call('partner:signIn', {}, { sessionToken: l })).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    expect(await s.station.call('customers:list', {}, { sessionToken: l })).toMatchObject({ ok: true, value: { customers: [] } });
  });
});
