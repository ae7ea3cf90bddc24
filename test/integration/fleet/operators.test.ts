// Operators across the fleet, for real: two stations on their own SQLite files, one throwaway
// PostgreSQL hub with the README's roles and GRANTs. An operator added at one dock signs in at the
// other with the same PIN after a round; a PIN changed at either reaches the other; wrong PINs spread
// over both docks reach one limit (also when guessed at both at once); with the hub away each station
// still locks on its own count, and those failures count on the hub once it is back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { LOCKOUT_THRESHOLD } from '../../../shared/domain/pin';
import type { PgCluster } from '../../helpers/pg-cluster';
import { ADMIN, type TempStation } from '../../helpers/temp-station';
import { STATION_PASSWORD, type FleetUrls } from './fleet-roles';
import { hubQuery, rounds, twoJoinedDocks, type TwoJoinedDocks } from './two-docks';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let docks: TwoJoinedDocks;
let cluster: PgCluster;
let urls: FleetUrls;
let a: TempStation;
let b: TempStation;
let adminA: string;
let adminB: string;

const round = rounds;

async function addOperator(at: TempStation, token: string, name: string, pin: string): Promise<void> {
  const added = await at.station.call('operators:add', { name, role: 'operator', pin }, { sessionToken: token });
  if (!added.ok) throw new Error(added.error.message);
}

const signIn = (at: TempStation, name: string, pin: string) => at.station.call('session:signIn', { name, pin });

const ownerQuery = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => hubQuery<T>(urls.owner, text, values);

beforeAll(async () => {
  docks = await twoJoinedDocks();
  ({ cluster, urls, a, b } = docks);
  // The first round makes both docks' Ada Admin one fleet operator (the later push wins; same PIN here),
  // which ends the sessions opened before it: sign in after it.
  await round(a, b, a);
  adminA = await adminToken(a);
  adminB = await adminToken(b);
});

async function adminToken(at: TempStation): Promise<string> {
  const r = await signIn(at, ADMIN.name, ADMIN.pin);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.token;
}

afterAll(() => docks?.cleanup());

describe('operators across the fleet', () => {
  it('signs an operator added at Dock 1 in at Dock 3 with the same PIN after one round', async () => {
    await addOperator(a, adminA, 'Olga Nowak', '602817');
    expect((await signIn(b, 'Olga Nowak', '602817')).ok).toBe(false);
    await round(a, b);
    const there = await signIn(b, 'olga nowak', '602817');
    expect(there.ok && there.value.operator).toMatchObject({ name: 'Olga Nowak', role: 'operator', active: true });
    // The hub holds the station's salted hash, never the PIN.
    const [row] = await ownerQuery<{ pin_hash: string; updated_by_station: string }>("SELECT pin_hash, updated_by_station FROM operators WHERE name_key = 'olga nowak'");
    const local = a.station.database.sqlite.prepare("SELECT pin_hash FROM operators WHERE name_key = 'olga nowak'").get() as { pin_hash: string };
    expect(row).toEqual({ pin_hash: local.pin_hash, updated_by_station: a.station.identity.id });
    expect(row?.pin_hash).not.toContain('602817');
    const audited = b.station.database.sqlite.prepare("SELECT action, detail FROM audit WHERE action = 'fleet:operatorAdded'").all() as { detail: string }[];
    expect(audited.map((r) => JSON.parse(r.detail) as unknown)).toContainEqual(expect.objectContaining({ name: 'Olga Nowak', byStation: a.station.identity.id }));
  });

  it('takes a PIN changed at Dock 3 to Dock 1, and a deactivation back', async () => {
    const olga = await signIn(b, 'Olga Nowak', '602817');
    if (!olga.ok) throw new Error(olga.error.message);
    const changed = await b.station.call('session:changePin', { currentPin: '602817', newPin: '815204' }, { sessionToken: olga.value.token });
    expect(changed.ok).toBe(true);
    await round(b, a);
    expect(await signIn(a, 'Olga Nowak', '602817')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect((await signIn(a, 'Olga Nowak', '815204')).ok).toBe(true);

    const id = (a.station.database.sqlite.prepare("SELECT id FROM operators WHERE name_key = 'olga nowak'").get() as { id: number }).id;
    expect((await a.station.call('operators:setActive', { id, active: false }, { sessionToken: adminA })).ok).toBe(true);
    await round(a, b);
    expect(await signIn(b, 'Olga Nowak', '815204')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    // Her session at Dock 3 ended with the round that brought the change.
    expect((await b.station.call('batches:list', {}, { sessionToken: olga.value.token })).ok).toBe(false);
  });

  it('keeps the later change by the hub clock when both docks change one operator between rounds', async () => {
    await addOperator(a, adminA, 'Lena Berg', '730461');
    await round(a, b);
    const idAt = (s: TempStation) => (s.station.database.sqlite.prepare("SELECT id FROM operators WHERE name_key = 'lena berg'").get() as { id: number }).id;
    expect((await a.station.call('operators:setPin', { id: idAt(a), pin: '284619' }, { sessionToken: adminA })).ok).toBe(true);
    expect((await b.station.call('operators:setPin', { id: idAt(b), pin: '395172' }, { sessionToken: adminB })).ok).toBe(true);
    // Dock 1 pushes first, Dock 3 after it: Dock 3's PIN is the later write, at both docks after the next rounds.
    await round(a, b, a);
    for (const s of [a, b]) {
      expect((await signIn(s, 'Lena Berg', '395172')).ok).toBe(true);
      expect((await signIn(s, 'Lena Berg', '284619')).ok).toBe(false);
    }
  });

  it('locks an operator at both docks when wrong PINs are split over the two', async () => {
    await addOperator(a, adminA, 'Piotr Kaminski', '517392');
    await round(a, b);
    const atA = Math.ceil(LOCKOUT_THRESHOLD / 2);
    const answers: unknown[] = [];
    for (let i = 0; i < atA; i++) answers.push(await signIn(a, 'Piotr Kaminski', '000111'));
    for (let i = atA; i < LOCKOUT_THRESHOLD; i++) answers.push(await signIn(b, 'Piotr Kaminski', '000111'));
    // Neither dock saw the limit on its own; the hub counted every one.
    expect(answers.slice(0, -1)).toEqual(Array.from({ length: LOCKOUT_THRESHOLD - 1 }, (_, i) => expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'BAD_CREDENTIALS', details: { triesLeft: LOCKOUT_THRESHOLD - 1 - i } }) })));
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    // The right PIN is refused at both docks now.
    expect(await signIn(a, 'Piotr Kaminski', '517392')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(await signIn(b, 'Piotr Kaminski', '517392')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it("lifts the lock at both docks when an admin unlocks the operator at one", async () => {
    const id = (a.station.database.sqlite.prepare("SELECT id FROM operators WHERE name_key = 'piotr kaminski'").get() as { id: number }).id;
    expect((await a.station.call('operators:unlock', { id }, { sessionToken: adminA })).ok).toBe(true);
    expect((await signIn(a, 'Piotr Kaminski', '517392')).ok).toBe(true);
    // Dock 3 still holds the lock it took from the hub, until its next round says the hub ended it.
    expect(await signIn(b, 'Piotr Kaminski', '517392')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    await round(b);
    expect((await signIn(b, 'Piotr Kaminski', '517392')).ok).toBe(true);
    expect(b.station.database.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'fleet:operatorUnlocked'").get()).toEqual({ n: 1 });
  });

  it('lets no more than the limit of guesses fired at both docks at once reach the PIN check', async () => {
    await addOperator(b, adminB, 'Ines Duarte', '640285');
    await round(b, a);
    const guesses = Array.from({ length: 2 * LOCKOUT_THRESHOLD }, (_, i) => signIn(i % 2 === 0 ? a : b, 'Ines Duarte', `90${String(1000 + i)}`));
    const answers = await Promise.all(guesses);
    const codes = answers.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.every((c) => c === 'BAD_CREDENTIALS' || c === 'LOCKED_OUT')).toBe(true);
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS').length).toBeLessThan(LOCKOUT_THRESHOLD);
    const [hub] = await ownerQuery<{ locked: boolean }>("SELECT locked_until > now() AS locked FROM operator_lockouts WHERE name_key = 'ines duarte'");
    expect(hub).toEqual({ locked: true });
    expect(await signIn(a, 'Ines Duarte', '640285')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(await signIn(b, 'Ines Duarte', '640285')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it('still locks on the station’s own count with the hub down, and counts those failures on the hub when it is back', async () => {
    await addOperator(a, adminA, 'Tomas Holm', '481730');
    await round(a, b);
    cluster.stop();
    try {
      const started = Date.now();
      const answers: string[] = [];
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
        const r = await signIn(a, 'Tomas Holm', '111000');
        answers.push(r.ok ? 'OK' : r.error.code);
      }
      expect(answers).toEqual([...Array.from({ length: LOCKOUT_THRESHOLD - 1 }, () => 'BAD_CREDENTIALS'), 'LOCKED_OUT']);
      expect(await signIn(a, 'Tomas Holm', '481730')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
      // A sign-in does not wait on a hub that is away.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(a.station.database.sqlite.prepare("SELECT count(*) AS n FROM fleet_pin_failures WHERE name_key = 'tomas holm' AND pushed_at IS NULL").get()).toEqual({ n: LOCKOUT_THRESHOLD });
      // Dock 3 has not heard of it: the right PIN works there while the hub is away.
      expect((await signIn(b, 'Tomas Holm', '481730')).ok).toBe(true);
    } finally {
      cluster.start();
    }
    await round(a);
    const [hub] = await ownerQuery<{ failures: string; locked: boolean }>(
      "SELECT (SELECT count(*) FROM pin_failures WHERE name_key = 'tomas holm') AS failures, locked_until > now() AS locked FROM operator_lockouts WHERE name_key = 'tomas holm'",
    );
    expect(hub).toEqual({ failures: String(LOCKOUT_THRESHOLD), locked: true });
    // A resend counts nothing twice.
    a.station.database.sqlite.prepare("UPDATE fleet_pin_failures SET pushed_at = NULL WHERE name_key = 'tomas holm'").run();
    await round(a);
    expect(await ownerQuery("SELECT count(*)::int AS n FROM pin_failures WHERE name_key = 'tomas holm'")).toEqual([{ n: LOCKOUT_THRESHOLD }]);
    // Dock 3 takes the fleet's lock-out with its next round.
    await round(b);
    expect(await signIn(b, 'Tomas Holm', '481730')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it('sends an unlock made while the hub was away with the next round, so the hub does not lock the operator again', async () => {
    const id = (a.station.database.sqlite.prepare("SELECT id FROM operators WHERE name_key = 'tomas holm'").get() as { id: number }).id;
    cluster.stop();
    try {
      expect((await a.station.call('operators:unlock', { id }, { sessionToken: adminA })).ok).toBe(true);
      expect((await signIn(a, 'Tomas Holm', '481730')).ok).toBe(true);
    } finally {
      cluster.start();
    }
    await round(a, b);
    expect(await ownerQuery("SELECT locked_until FROM operator_lockouts WHERE name_key = 'tomas holm'")).toEqual([{ locked_until: null }]);
    expect((await signIn(a, 'Tomas Holm', '481730')).ok).toBe(true);
    expect((await signIn(b, 'Tomas Holm', '481730')).ok).toBe(true);
  });

  it("refuses a station's role writing as another station", async () => {
    const url = new URL(urls.stations.dock_b ?? '');
    url.password = STATION_PASSWORD;
    const dockB = new pg.Client({ connectionString: url.toString() });
    await dockB.connect();
    try {
      await expect(dockB.query("INSERT INTO operators (name_key, name, role, pin_hash, active, change_id, updated_by_station) VALUES ('mallory', 'Mallory', 'admin', 'x', true, nextval('operators_change_seq'), $1)", [a.station.identity.id])).rejects.toThrow(
        /row-level security/,
      );
      await expect(dockB.query("UPDATE operators SET pin_hash = 'x', updated_by_station = $1 WHERE name_key = 'olga nowak'", [a.station.identity.id])).rejects.toThrow(/row-level security/);
      const moved = await dockB.query('UPDATE stations SET name = $2 WHERE id = $1', [a.station.identity.id, 'Not Dock 1']);
      expect(moved.rowCount).toBe(0);
      const batch = await dockB.query('UPDATE batch_states SET devices = 0 WHERE station_id = $1', [a.station.identity.id]);
      expect(batch.rowCount).toBe(0);
      await expect(
        dockB.query("INSERT INTO identities (kind, pkid, station_id, station_seq, batch_name, operator_name, scanned_at) VALUES ('pkid', '3800000000001', $1, 999999, 'X', 'Mallory', now())", [a.station.identity.id]),
      ).rejects.toThrow(/row-level security/);
      await expect(dockB.query("INSERT INTO upload_leases (customer_tenant_id, station_id, epoch, acquired_at, expires_at) VALUES ('t', $1, 1, now(), now() + interval '1 hour')", [a.station.identity.id])).rejects.toThrow(/row-level security/);
      await expect(dockB.query('INSERT INTO audit_anchors (station_id, last_id, last_hash) VALUES ($1, 1, $2)', [a.station.identity.id, 'x'])).rejects.toThrow(/row-level security|duplicate key/);
    } finally {
      await dockB.end();
    }
  });
});
