import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, FABRIKAM, PK, call, createBatch, start } from './helpers';

const PARTNER = '11111111-2222-4333-8444-555555555555';
let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start({ partnerId: PARTNER });
});
afterAll(() => emu.close());

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

const batches = `/v1/customers/${CONTOSO}/deviceBatches`;

describe('bearer tokens', () => {
  it('401 with WWW-Authenticate and a fault body when the bearer is missing', async () => {
    const res = await call(emu, 'GET', batches, { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`OAuth realm=urn:cpsvc:cpid:${PARTNER}`);
    expect(res.json).toMatchObject({ code: 401, data: [], source: 'PartnerFD' });
  });

  it('401 for an unknown token and for an expired one', async () => {
    for (const token of ['not-a-token', 'emulator-expired-token']) {
      const res = await call(emu, 'GET', batches, { token });
      expect(res.status, token).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('urn:cpsvc:cpid:');
    }
  });

  it('no-mfa is refused by default (MFA enforced since April 2026: 401, code 900421), passes with strictMfa off', async () => {
    const refused = await call(emu, 'GET', batches, { token: 'emulator-no-mfa-token' });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 900421, description: expect.stringMatching(/MFA claim/) });
    expect(refused.headers.get('www-authenticate')).toContain('urn:cpsvc:cpid:');
    expect((await call(emu, 'GET', batches)).status).toBe(200);
    emu.control.setSwitches({ strictMfa: false });
    expect((await call(emu, 'GET', batches, { token: 'emulator-no-mfa-token' })).status).toBe(200);
  });

  it('a user without an agent role gets 403 on device calls, but may still list customers', async () => {
    const token = 'emulator-no-role-token';
    expect((await call(emu, 'GET', batches, { token })).status).toBe(403);
    expect((await call(emu, 'GET', '/v1/customers?size=10', { token })).status).toBe(200);
  });

  it('one customer can be refused (403) while others work', async () => {
    emu.control.setSwitches({ forbiddenCustomers: [CONTOSO] });
    expect((await call(emu, 'GET', batches)).status).toBe(403);
    expect((await call(emu, 'GET', `/v1/customers/${FABRIKAM}/deviceBatches`)).status).toBe(200);
  });

  it('app-only may list and append but not create a batch or ask for a relationship link', async () => {
    const token = 'emulator-app-only-token';
    expect((await call(emu, 'GET', batches, { token })).status).toBe(200);
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'app', { token })).status).toBe(403);
    expect((await call(emu, 'GET', '/v1/customers/relationshiprequests', { token })).status).toBe(403);
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'app')).status).toBe(202);
    const append = await call(emu, 'POST', `${batches}/app/devices`, { token, body: [{ productKey: PK.free[1] }] });
    expect(append.status).toBe(202);
    expect((await call(emu, 'GET', '/v1/customers', { token })).status).toBe(200);
  });

  it('a sales agent may add devices but not write policies', async () => {
    const token = 'emulator-sales-agent-token';
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'sales', { token })).status).toBe(202);
    const policy = { name: 'p', category: 'o_o_b_e', policySettings: ['skip_eula'] };
    expect((await call(emu, 'POST', `/v1/customers/${CONTOSO}/policies`, { token, body: policy })).status).toBe(403);
    expect((await call(emu, 'GET', `/v1/customers/${CONTOSO}/policies`, { token })).status).toBe(200);
    const patch = { devices: [{ id: 'x', policies: [{ key: 'o_o_b_e', value: null }] }] };
    expect((await call(emu, 'PATCH', `/v1/customers/${CONTOSO}/DevicePolicyUpdates`, { token, body: patch })).status).toBe(403);
  });

  it('reads unsigned JWT claims: scp/amr, idtyp=app, exp, roles', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = jwt({ scp: 'user_impersonation', amr: ['pwd', 'mfa'], exp: now + 3600 });
    expect((await createBatch(emu, [{ productKey: PK.free[0] }], 'jwt', { token: good })).status).toBe(202);
    const app = jwt({ idtyp: 'app', exp: now + 3600 });
    expect((await createBatch(emu, [{ productKey: PK.free[1] }], 'jwt2', { token: app })).status).toBe(403);
    expect((await call(emu, 'GET', batches, { token: jwt({ scp: 'user_impersonation', amr: ['mfa'], exp: now - 10 }) })).status).toBe(401);
    emu.control.setSwitches({ strictMfa: true });
    expect((await call(emu, 'GET', batches, { token: jwt({ scp: 'user_impersonation', amr: ['pwd'] }) })).status).toBe(401);
    const sales = jwt({ scp: 'user_impersonation', amr: ['mfa'], roles: ['sales_agent'] });
    expect((await call(emu, 'POST', `/v1/customers/${CONTOSO}/policies`, { token: sales, body: {} })).status).toBe(403);
  });

  it('tokens can be added at run time', async () => {
    emu.control.addToken({ token: 'fresh', tokenClass: 'app+user' });
    expect((await call(emu, 'GET', batches, { token: 'fresh' })).status).toBe(200);
  });
});
