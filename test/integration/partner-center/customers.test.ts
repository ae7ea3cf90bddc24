import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index.js';
import { CONTOSO, FABRIKAM, client, start } from './helpers';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';

let emu: RunningEmulator;
const extra = Array.from({ length: 5 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, companyName: `Zeta ${i} AG`, domain: `zeta${i}.onmicrosoft.com` }));

beforeAll(async () => {
  emu = await start();
  for (const c of extra) emu.control.addCustomer(c);
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.resetSwitches();
  emu.control.resetRequests();
});

describe('customers', () => {
  it('lists every customer across 4 pages, following links.next with MS-ContinuationToken, one MS-RequestId per page', async () => {
    emu.control.setSwitches({ customersPageCap: 2 });
    const res = await client(emu).customers.list({ pageSize: 500 });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.pages).toBe(4);
    expect(res.value.items).toHaveLength(7);
    expect(new Set(res.value.items.map((c) => c.tenantId)).size).toBe(7);
    expect(res.value.items.find((c) => c.tenantId === CONTOSO)).toMatchObject({ companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller' });
    const log = emu.control.requests();
    expect(log.map((e) => e.status)).toEqual([200, 200, 200, 200]);
    expect(log.slice(1).every((e) => /seekOperation=Next/.test(e.path))).toBe(true);
    expect(new Set(log.map((e) => e.requestId)).size).toBe(4);
  });

  it('reads PascalCase pages with a BOM just the same', async () => {
    emu.control.setSwitches({ customersPageCap: 3, pascalCaseOutput: true, bom: true });
    const res = await client(emu).customers.list();
    expect(res).toMatchObject({ ok: true, value: { pages: 3 } });
    if (res.ok) expect(res.value.items.map((c) => c.companyName).sort()).toContain('Fabrikam, Inc.');
  });

  it('filters with starts_with on company name or domain, case-insensitively, across pages', async () => {
    emu.control.setSwitches({ customersPageCap: 2 });
    const byName = await client(emu).customers.list({ filter: { field: 'companyName', value: 'zeta' } });
    expect(byName).toMatchObject({ ok: true, value: { pages: 3 } });
    if (byName.ok) expect(byName.value.items).toHaveLength(5);
    const byDomain = await client(emu).customers.list({ filter: { field: 'domain', value: 'FABRIKAM' } });
    if (byDomain.ok) expect(byDomain.value.items.map((c) => c.tenantId)).toEqual([FABRIKAM]);
    else expect.fail(byDomain.error.message);
  });

  it('gets one customer with allowDelegatedAccess; an unknown one is not-found with the ids for support', async () => {
    const c = client(emu);
    expect(await c.customers.get(FABRIKAM)).toMatchObject({ ok: true, value: { tenantId: FABRIKAM, allowDelegatedAccess: true } });
    const missing = await c.customers.get('11111111-2222-4333-8444-555555555555', { requestId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404, code: '404', requestId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', attempts: 1 } });
    if (!missing.ok) {
      expect(missing.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(missing.error.description).toMatch(/not found/);
    }
  });

  it('gets the reseller invitation URL; an app-only token is refused (App+User only)', async () => {
    const res = await client(emu).customers.relationshipRequest();
    expect(res).toMatchObject({ ok: true, value: { url: expect.stringMatching(/^https:\/\/admin\.microsoft\.com\/.*invType=ResellerRelationship.*DAP=false/) } });
    const appOnly = await client(emu, { tokenProvider: staticTokenProvider('emulator-app-only-token') }).customers.relationshipRequest();
    expect(appOnly).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403, attempts: 1 } });
    // The customer list itself is open to app-only tokens.
    expect(await client(emu, { tokenProvider: staticTokenProvider('emulator-app-only-token') }).customers.list()).toMatchObject({ ok: true });
  });

  it('a page failing midway fails the whole list (nothing partial), after its retries', async () => {
    emu.control.setSwitches({ customersPageCap: 2 });
    let answered = 0;
    // The service breaks right after the first page: every later request gets a 503.
    const c = client(emu, {
      retry: { maxAttempts: 2 },
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (++answered === 1) emu.control.setSwitches({ faults: [{ kind: 'status', status: 503, route: 'customers', rate: 1, after: false }] });
        return res;
      },
    });
    const res = await c.customers.list();
    expect(res).toMatchObject({ ok: false, error: { kind: 'server', status: 503, attempts: 2 } });
    expect(emu.control.requests().map((e) => e.status)).toEqual([200, 503, 503]);
  });
});
