import { afterEach, describe, expect, it } from 'vitest';
import { tempStation, type TempStation } from '../../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

describe('operators', () => {
  it('adds operators with unique names (case-insensitive) and audits without the PIN', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin');
    expect((await t.station.call('operators:add', { name: 'Lena', role: 'lead', pin: '739154' }, { sessionToken: admin })).ok).toBe(true);
    expect(await t.station.call('operators:add', { name: 'LENA', role: 'operator', pin: '739154' }, { sessionToken: admin })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const rows = t.station.database.sqlite.prepare("SELECT detail FROM audit WHERE action LIKE 'operators:%'").all() as { detail: string }[];
    expect(rows.map((r) => JSON.parse(r.detail))).toContainEqual({ name: 'Lena', role: 'lead' });
    expect(rows.some((r) => r.detail.includes('739154') || r.detail.includes('scrypt'))).toBe(false);
  });

  it('refuses a name of digits alone (a PIN typed into the name field) and stores nothing of it', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin');
    for (const name of ['739154', ' 602 817 ']) {
      expect(await t.station.call('operators:add', { name, role: 'lead', pin: '739154' }, { sessionToken: admin })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/at least one letter/) } });
    }
    const stored = JSON.stringify(t.station.database.sqlite.prepare('SELECT * FROM audit').all()) + JSON.stringify(t.station.database.sqlite.prepare('SELECT name FROM operators').all());
    expect(stored).not.toMatch(/739154|602 817/);
  });

  it('never disables or demotes the last active admin', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin');
    const list = await t.station.call('operators:list', {}, { sessionToken: admin });
    const id = list.ok ? (list.value[0]?.id ?? -1) : -1;
    expect(await t.station.call('operators:setActive', { id, active: false }, { sessionToken: admin })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await t.station.call('operators:setRole', { id, role: 'lead' }, { sessionToken: admin })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await t.station.call('operators:add', { name: 'Second', role: 'admin', pin: '739154' }, { sessionToken: admin });
    expect((await t.station.call('operators:setRole', { id, role: 'lead' }, { sessionToken: admin })).ok).toBe(true);
  });

  it('a new PIN from an admin lifts a lock-out and ends the old sessions', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin');
    const olga = await t.tokenFor('operator', 'Olga');
    for (let i = 0; i < 5; i++) await t.station.call('session:signIn', { name: 'Olga', pin: '111222' });
    const list = await t.station.call('operators:list', {}, { sessionToken: admin });
    const row = list.ok ? list.value.find((o) => o.name === 'Olga') : undefined;
    expect(row?.lockedUntil).toBeGreaterThan(Date.now());
    const reset = await t.station.call('operators:setPin', { id: row?.id ?? -1, pin: '918273' }, { sessionToken: admin });
    expect(reset).toMatchObject({ ok: true, value: { lockedUntil: null, failedAttempts: 0 } });
    expect((await t.station.call('session:current', {}, { sessionToken: olga })).ok && (await t.station.call('session:current', {}, { sessionToken: olga }))).toEqual({ ok: true, value: { operator: null } });
    expect((await t.station.call('session:signIn', { name: 'Olga', pin: '918273' })).ok).toBe(true);
  });

  it('emits db:changed with the tables a change touched', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin');
    const seen: string[][] = [];
    t.station.events.on('db:changed', (e) => seen.push(e.tables));
    await t.station.call('operators:add', { name: 'Pia', role: 'operator', pin: '739154' }, { sessionToken: admin });
    expect(seen).toEqual([['operators', 'audit']]);
  });
});
