import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, FABRIKAM, PK, call, start } from './helpers';

const EXTRA = ['Adatum Corporation', 'Alpine Ski House', 'Coho Winery', 'Litware, Inc.', 'Woodgrove Bank'];
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
  EXTRA.forEach((companyName, i) => {
    emu.control.addCustomer({ id: `00000000-0000-4000-8000-00000000000${i}`, companyName, domain: `${companyName.split(' ')[0]?.toLowerCase()}.example` });
  });
});
afterAll(() => emu.close());

type Link = { uri: string; method: string; headers: { key: string; value: string }[] };
const names = (items: Record<string, unknown>[] | undefined) =>
  (items ?? []).map((c) => (c.companyProfile as { companyName: string }).companyName);

describe('GET /customers', () => {
  it('pages through links.next, re-sending its headers, across 4 pages', async () => {
    const seen: string[] = [];
    let res = await call(emu, 'GET', '/v1/customers?size=2');
    let pages = 1;
    seen.push(...names(res.json.items));
    expect(res.json.totalCount).toBe(2);
    while ((res.json.links as { next?: Link }).next) {
      const next = (res.json.links as { next: Link }).next;
      expect(next.uri).toBe('/v1/customers?size=2&seekOperation=Next');
      expect(next.headers[0]?.key).toBe('MS-ContinuationToken');
      expect(res.json.continuationToken).toBe(next.headers[0]?.value);
      const headers = Object.fromEntries(next.headers.map((h) => [h.key, h.value]));
      res = await call(emu, next.method, next.uri, { headers });
      seen.push(...names(res.json.items));
      pages += 1;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(['Contoso Ltd', 'Fabrikam, Inc.', ...EXTRA]);
    expect(res.json.continuationToken).toBeUndefined();
  });

  it('each customer carries companyProfile, relationship and objectType', async () => {
    const res = await call(emu, 'GET', '/v1/customers?size=1');
    expect(res.json.items?.[0]).toMatchObject({
      id: CONTOSO,
      companyProfile: { tenantId: CONTOSO, domain: 'contoso.onmicrosoft.com', companyName: 'Contoso Ltd' },
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
    });
    expect(res.json.items?.[0]).not.toHaveProperty('allowDelegatedAccess');
  });

  it('400 on a seek without a token or with a bad one', async () => {
    expect((await call(emu, 'GET', '/v1/customers?size=2&seekOperation=Next')).status).toBe(400);
    const bad = await call(emu, 'GET', '/v1/customers?size=2&seekOperation=Next', { headers: { 'MS-ContinuationToken': 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.json.source).toBe('PartnerFD');
  });

  it('caps size at customersPageCap and rejects a bad size', async () => {
    emu.control.setSwitches({ customersPageCap: 3 });
    expect((await call(emu, 'GET', '/v1/customers?size=50')).json.totalCount).toBe(3);
    emu.control.resetSwitches();
    expect((await call(emu, 'GET', '/v1/customers?size=abc')).status).toBe(400);
  });

  it('filters starts_with on CompanyName and Domain, case-insensitively, also across pages', async () => {
    const filter = (f: object) => `/v1/customers?size=1&filter=${encodeURIComponent(JSON.stringify(f))}`;
    const byName = await call(emu, 'GET', filter({ Field: 'CompanyName', Value: 'a', Operator: 'starts_with' }));
    expect(names(byName.json.items)).toEqual(['Adatum Corporation']);
    const next = (byName.json.links as { next: Link }).next;
    const page2 = await call(emu, 'GET', next.uri, { headers: { 'MS-ContinuationToken': next.headers[0]?.value ?? '' } });
    expect(names(page2.json.items)).toEqual(['Alpine Ski House']);
    expect((page2.json.links as { next?: Link }).next).toBeUndefined();
    const byDomain = await call(emu, 'GET', `/v1/customers?size=10&filter=${encodeURIComponent('{"field":"domain","value":"FABRIKAM","operator":"starts_with"}')}`);
    expect(names(byDomain.json.items)).toEqual(['Fabrikam, Inc.']);
    expect((await call(emu, 'GET', filter({ Field: 'CompanyName', Value: 'a', Operator: 'equals' }))).status).toBe(400);
    expect((await call(emu, 'GET', '/v1/customers?filter=notjson')).status).toBe(400);
  });
});

describe('GET /customers/{id} and relationship requests', () => {
  it('returns one customer with allowDelegatedAccess, 404 when unknown', async () => {
    const res = await call(emu, 'GET', `/v1/customers/${FABRIKAM.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: FABRIKAM, allowDelegatedAccess: true });
    expect((await call(emu, 'GET', '/v1/customers/00000000-dead-4000-8000-000000000000')).status).toBe(404);
  });

  it('returns the reseller invitation URL', async () => {
    const res = await call(emu, 'GET', '/v1/customers/relationshiprequests');
    expect(res.json.url).toMatch(/^https:\/\/admin\.microsoft\.com\/Adminportal\/Home\?invType=ResellerRelationship&partnerId=[0-9a-f-]{36}&msppId=0&DAP=false#/);
    expect(res.json.attributes).toEqual({ objectType: 'RelationshipRequest' });
  });

  it('approving a relationship makes the tenant a customer; device calls before that are 403 (or 404 by switch)', async () => {
    const tenant = '77777777-0000-4000-8000-000000000077';
    expect((await call(emu, 'GET', `/v1/customers/${tenant}/deviceBatches`)).status).toBe(403);
    expect((await call(emu, 'GET', `/v1/customers/${tenant}/policies`)).status).toBe(403);
    emu.control.setSwitches({ nonCustomerStatus: 404 });
    expect((await call(emu, 'GET', `/v1/customers/${tenant}/deviceBatches`)).status).toBe(404);
    emu.control.resetSwitches();
    emu.control.approveRelationship({ id: tenant, companyName: 'Zeta Ltd', domain: 'zeta.example' });
    expect((await call(emu, 'GET', `/v1/customers/${tenant}`)).json.relationshipToPartner).toBe('reseller');
    expect((await call(emu, 'GET', `/v1/customers/${tenant}/deviceBatches`)).status).toBe(200);
    emu.control.removeCustomer(tenant);
    const before = emu.control.stats();
    expect((await call(emu, 'POST', `/v1/customers/${tenant}/deviceBatches`, { body: { batchId: 'x', devices: [{ productKey: PK.free[0] }] } })).status).toBe(403);
    expect(emu.control.stats()).toMatchObject({ batches: before.batches, jobs: before.jobs });
  });
});
