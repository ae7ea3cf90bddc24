// Every 403 used to be blamed on the relationship (issue 16, item 3). Against the emulator, with tokens
// shaped like Entra's (unsigned JWTs: the emulator reads their claims), the upload engine names the
// cause it can tell and says when it cannot.
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'https://api.partnercenter.microsoft.com', ...claims })}.sig`;
}
const user = (extra: Record<string, unknown> = {}) => jwt({ scp: 'user_impersonation', amr: ['pwd', 'mfa'], upn: 'lead@partner.example', ...extra });

const settle = (world: SyncWorld) => world.engine.runUntilSettled({ timeoutMs: 1_500 });
const forbiddenAudit = (world: SyncWorld) =>
  world.t.station.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'uploads:forbidden' ORDER BY id DESC LIMIT 1").get() as { detail: string } | undefined;

describe('a refused upload says why', () => {
  it('App-only token creating a batch: says App+User is needed', async () => {
    w = await syncWorld({ filed: 2 });
    w.tokens.current = jwt({ idtyp: 'app', roles: ['x'] });
    w.approvedBatch('AppOnly', filedPkids(2));
    const status = await settle(w);
    expect(status.message).toMatch(/App-only token.*App\+User/);
    expect(status.message).not.toMatch(/relationship/);
    expect(JSON.parse(forbiddenAudit(w)?.detail ?? '{}')).toMatchObject({ cause: 'app-only', certain: true });
  });

  it('a user without an agent role: says which role to give', async () => {
    w = await syncWorld({ filed: 2 });
    w.tokens.current = user({ roles: ['no_agent_role'] });
    w.approvedBatch('NoRole', filedPkids(2));
    expect((await settle(w)).message).toMatch(/Admin agent/);
  });

  it('a token without MFA: sign-in with MFA needed (401 900421), not "relationship"', async () => {
    w = await syncWorld({ filed: 2 });
    w.tokens.current = user({ amr: ['pwd'] });
    w.approvedBatch('NoMfa', filedPkids(2));
    expect(await settle(w)).toMatchObject({ state: 'sign-in-needed', message: expect.stringMatching(/MFA/) });
  });

  it('a tenant that is not a customer: the relationship, as the answer says', async () => {
    w = await syncWorld({ filed: 2 });
    w.emu.control.removeCustomer(CUSTOMER);
    w.approvedBatch('Gone', filedPkids(2));
    expect((await settle(w)).message).toMatch(/reseller relationship/);
  });

  it('one customer refused while another works: says so, and that the sign-in is fine', async () => {
    const second = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    w = await syncWorld({ filed: 4 });
    w.emu.control.addCustomer({ id: second, companyName: 'Fabrikam' });
    w.t.station.database.sqlite.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Fabrikam', null, 'reseller', ?)").run(second, Date.now());
    const ok = w.approvedBatch('Works', filedPkids(2));
    await settle(w);
    expect(w.batchState(ok)).toBe('registered');
    const refused = w.approvedBatch('Refused', filedPkids(2, 2));
    w.t.station.database.sqlite.prepare('UPDATE batches SET customer_tenant_id = ? WHERE id = ?').run(second, refused);
    w.emu.control.setSwitches({ forbiddenCustomers: [second] });
    const status = await settle(w);
    expect(status.message).toMatch(/this customer only.*Other customers work/);
    expect(JSON.parse(forbiddenAudit(w)?.detail ?? '{}')).toMatchObject({ cause: 'this-customer', certain: false });
  });

  it('a bare 403 with nothing to go on: says it cannot tell, and what to check', async () => {
    w = await syncWorld({ filed: 2, switches: { forbiddenCustomers: [CUSTOMER] } });
    w.tokens.current = user();
    w.approvedBatch('Bare', filedPkids(2));
    expect((await settle(w)).message).toMatch(/cannot tell the cause.*Admin agent.*MFA/);
  });
});
