import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_BASE_MS } from '../../../../../shared/domain/pin';
import { ADMIN, tempStation, type TempStation } from '../../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

function clock(start = Date.UTC(2026, 10, 23, 8, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function auditActions(s: TempStation) {
  return s.station.database.sqlite.prepare('SELECT action, result FROM audit ORDER BY id').all() as { action: string; result: string }[];
}

describe('session:signIn', () => {
  it('signs in by name case-insensitively and audits it', async () => {
    t = await tempStation();
    const result = await t.station.call('session:signIn', { name: 'ADA admin', pin: ADMIN.pin });
    expect(result.ok && result.value.operator.name).toBe('Ada Admin');
    expect(auditActions(t).filter((a) => a.action === 'session:signIn' && a.result === 'ok').length).toBeGreaterThanOrEqual(2);
  });

  it('locks an operator after five wrong PINs, refuses even the right PIN until the wait is over, and doubles the wait', async () => {
    const c = clock();
    t = await tempStation({ now: c.now });
    await t.tokenFor('operator', 'Olga');
    const attempt = (pin: string) => t!.station.call('session:signIn', { name: 'Olga', pin });
    for (let i = 1; i <= 4; i++) expect(await attempt('111222')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', details: { triesLeft: 5 - i } } });
    expect(await attempt('111222')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', details: { until: c.now() + LOCKOUT_BASE_MS } } });
    expect(await attempt('602817')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    c.advance(LOCKOUT_BASE_MS + 1);
    for (let i = 0; i < 4; i++) await attempt('111222');
    expect(await attempt('111222')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', details: { until: c.now() + 2 * LOCKOUT_BASE_MS } } });
    c.advance(2 * LOCKOUT_BASE_MS + 1);
    expect((await attempt('602817')).ok).toBe(true);
    const actions = auditActions(t);
    expect(actions.filter((a) => a.action === 'session:lockedOut')).toHaveLength(2);
    expect(actions.filter((a) => a.action === 'session:signIn' && a.result === 'denied')).toHaveLength(1);
  });

  it('gives the same answer for an unknown name as for a wrong PIN, and audits both', async () => {
    t = await tempStation();
    const unknown = await t.station.call('session:signIn', { name: 'Nobody', pin: '482913' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(auditActions(t).at(-1)).toEqual({ action: 'session:signIn', result: 'failed' });
  });

  it('refuses a disabled operator and ends their open sessions', async () => {
    t = await tempStation();
    const token = await t.tokenFor('operator', 'Olga');
    const admin = await t.tokenFor('admin');
    const olga = await t.station.call('session:current', {}, { sessionToken: token });
    const id = olga.ok && olga.value.operator ? olga.value.operator.id : -1;
    expect((await t.station.call('operators:setActive', { id, active: false }, { sessionToken: admin })).ok).toBe(true);
    expect(await t.station.call('session:signOut', {}, { sessionToken: token })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await t.station.call('session:signIn', { name: 'Olga', pin: '602817' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('expires an idle session', async () => {
    const c = clock();
    t = await tempStation({ now: c.now });
    const token = await t.tokenFor('lead');
    c.advance(59 * 60_000);
    expect((await t.station.call('session:current', {}, { sessionToken: token })).ok).toBe(true);
    expect((await t.station.call('operators:list', {}, { sessionToken: token })).ok).toBe(false);
    c.advance(61 * 60_000);
    expect(await t.station.call('session:signOut', {}, { sessionToken: token })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: expect.stringMatching(/inactivity/) },
    });
  });

  it('signs out, emits session:changed, and the token stops working', async () => {
    t = await tempStation();
    const token = await t.tokenFor('lead');
    const seen: string[] = [];
    t.station.events.on('session:changed', (e) => seen.push(e.state));
    expect((await t.station.call('session:signOut', {}, { sessionToken: token })).ok).toBe(true);
    expect(seen).toEqual(['signedOut']);
    expect(await t.station.call('session:current', {}, { sessionToken: token })).toEqual({ ok: true, value: { operator: null } });
  });

  it('changes your own PIN only with the current one', async () => {
    t = await tempStation();
    const token = await t.tokenFor('operator', 'Olga');
    expect(await t.station.call('session:changePin', { currentPin: '000000', newPin: '918273' }, { sessionToken: token })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect((await t.station.call('session:changePin', { currentPin: '602817', newPin: '918273' }, { sessionToken: token })).ok).toBe(true);
    expect((await t.station.call('session:signIn', { name: 'Olga', pin: '918273' })).ok).toBe(true);
  });
});

describe('session:setLanguage', () => {
  it("keeps the signed-in operator's own language, returns it at sign-in, and leaves everyone else's alone", async () => {
    t = await tempStation();
    const olga = await t.tokenFor('operator', 'Olga');
    expect(await t.station.call('session:setLanguage', { language: 'pl' }, { sessionToken: olga })).toMatchObject({ ok: true });
    expect(await t.station.call('session:current', {}, { sessionToken: olga })).toMatchObject({ ok: true, value: { language: 'pl' } });
    expect(await t.station.call('session:signIn', { name: 'Olga', pin: '602817' })).toMatchObject({ ok: true, value: { language: 'pl' } });
    expect(await t.station.call('session:signIn', { name: 'Ada Admin', pin: ADMIN.pin })).toMatchObject({ ok: true, value: { language: null } });
    expect(await t.station.call('session:setLanguage', { language: null }, { sessionToken: olga })).toMatchObject({ ok: true });
    expect(await t.station.call('session:signIn', { name: 'Olga', pin: '602817' })).toMatchObject({ ok: true, value: { language: null } });
  });

  it('refuses without a session and refuses what is not a language tag', async () => {
    t = await tempStation();
    expect(await t.station.call('session:setLanguage', { language: 'de' })).toMatchObject({ ok: false });
    const olga = await t.tokenFor('operator', 'Olga');
    expect(await t.station.call('session:setLanguage', { language: 'Deutsch; DROP' }, { sessionToken: olga })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
