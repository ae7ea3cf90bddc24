// The hub on a real PostgreSQL cluster: its migrations, the station role's GRANTs from the README, and
// the unique indexes deciding who keeps an identity (including two stations racing for one PKID).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../db/hub/connect';
import { migrateHub } from '../../../db/hub/migrate';
import { hubMigrationsDir } from '../../../db/hub/migrations-dir';
import { claimIdentities, othersIdentitiesAfter, othersReleasesAfter, releaseIdentities, type IdentityClaim } from '../../../db/hub/repos/identities';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { twoDocksOnOneHub, type TwoDocks } from './fleet-roles';

/** The hub's migrations as the first release shipped them (its journal's first entry only). */
const temps: string[] = [];
function firstReleaseMigrations(): string {
  const temp = mkdtempSync(join(tmpdir(), 'dockside-hub-mig-'));
  temps.push(temp);
  const dir = join(temp, 'migrations');
  cpSync(hubMigrationsDir, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  return dir;
}

let cluster: PgCluster;
let hubA: Hub;
let hubB: Hub;
let dockA: string;
let dockB: string;
let docks: TwoDocks | undefined;

const claim = (seq: number, pkid: string, batchName = 'B1'): IdentityClaim => ({ seq, kind: 'pkid', pkid, serial: null, manufacturer: null, model: null, hardwareHashSha256: null, batchName, operatorName: 'Olga', scannedAt: new Date(Date.UTC(2026, 11, 7, 7, 42)) });

beforeAll(async () => {
  cluster = await startPgCluster();
  docks = await twoDocksOnOneHub(cluster, async (owner) => {
    // A hub set up by the first release, then upgraded by this one; then an init with nothing to do.
    expect((await migrateHub(owner.pool, owner.where, firstReleaseMigrations())).applied).toEqual(['0000_hub_initial']);
    expect((await migrateHub(owner.pool, owner.where)).applied).toEqual(['0001_upload_leases', '0002_identity_releases', '0003_batch_requests', '0004_fleet_operators', '0005_station_own_rows']);
    expect((await migrateHub(owner.pool, owner.where)).applied).toEqual([]);
  });
  ({ hubA, hubB, dockA, dockB } = docks);
});

afterAll(async () => {
  await docks?.close();
  cluster?.destroy();
  for (const temp of temps) rmSync(temp, { recursive: true, force: true });
});

describe('hub claims', () => {
  it('keeps a PKID for the first station and answers the second with where it was first scanned', async () => {
    const [first] = await claimIdentities(hubB.db, dockB, [claim(1, '1111111111111', 'X')]);
    expect(first?.verdict).toBe('kept');
    const [second] = await claimIdentities(hubA.db, dockA, [claim(1, '1111111111111')]);
    expect(second).toMatchObject({ seq: 1, verdict: 'duplicate', first: { stationName: 'Dock 3', batchName: 'X', operatorName: 'Olga' } });
    expect(second?.first.scannedAt.toISOString()).toBe('2026-12-07T07:42:00.000Z');
  });

  it('answers a resent push with the same verdicts and adds nothing', async () => {
    const once = await claimIdentities(hubA.db, dockA, [claim(2, '2222222222222'), claim(3, '1111111111111')]);
    const again = await claimIdentities(hubA.db, dockA, [claim(2, '2222222222222'), claim(3, '1111111111111')]);
    expect(again.toSorted((a, b) => a.seq - b.seq)).toEqual(once.toSorted((a, b) => a.seq - b.seq));
    const rows = await othersIdentitiesAfter(hubB.db, dockB, 0, 100);
    expect(rows.filter((r) => r.pkid === '2222222222222')).toHaveLength(1);
  });

  it('lets exactly one of two stations racing for the same PKIDs keep each', async () => {
    const pkids = Array.from({ length: 50 }, (_, i) => `9${String(i).padStart(12, '0')}`);
    const [a, b] = await Promise.all([
      claimIdentities(hubA.db, dockA, pkids.map((p, i) => claim(100 + i, p))),
      claimIdentities(hubB.db, dockB, pkids.toReversed().map((p, i) => claim(100 + i, p))),
    ]);
    const keptBy = new Map<string, number>();
    for (const [verdicts, list] of [[a ?? [], pkids], [b ?? [], pkids.toReversed()]] as const) {
      for (const v of verdicts) if (v.verdict === 'kept') keptBy.set(list[v.seq - 100] ?? '', (keptBy.get(list[v.seq - 100] ?? '') ?? 0) + 1);
    }
    expect([...keptBy.values()].every((n) => n === 1)).toBe(true);
    expect(keptBy.size).toBe(50);
  });

  it('gives a box back only for the station that holds it, once, and lets the other dock claim it', async () => {
    const pkid = '7000000000917';
    expect((await claimIdentities(hubB.db, dockB, [claim(9900, pkid)]))[0]?.verdict).toBe('kept');
    expect((await claimIdentities(hubA.db, dockA, [claim(9900, pkid)]))[0]?.verdict).toBe('duplicate');
    // A's claim was a duplicate: it holds nothing to give back, and B's hold is untouched.
    expect(await releaseIdentities(hubA.db, dockA, [9900])).toBe(0);
    expect((await claimIdentities(hubA.db, dockA, [claim(9901, pkid)]))[0]?.verdict).toBe('duplicate');
    expect(await releaseIdentities(hubB.db, dockB, [9900])).toBe(1);
    expect(await releaseIdentities(hubB.db, dockB, [9900])).toBe(0);
    const seen = await othersReleasesAfter(hubA.db, dockA, 0, 100);
    expect(seen.filter((r) => r.pkid === pkid)).toHaveLength(1);
    expect(await othersReleasesAfter(hubB.db, dockB, 0, 100)).toEqual([]);
    // Free again: A's fresh claim keeps it, and a pull no longer offers B's released row.
    expect((await claimIdentities(hubA.db, dockA, [claim(9902, pkid)]))[0]?.verdict).toBe('kept');
    expect((await othersIdentitiesAfter(hubA.db, dockA, 0, 10_000)).filter((r) => r.pkid === pkid)).toEqual([]);
  });

  it('refuses a station role anything beyond its GRANTs', async () => {
    await expect(hubA.pool.query('DELETE FROM identities')).rejects.toMatchObject({ code: '42501' });
    await expect(hubA.pool.query('DROP TABLE pushes')).rejects.toBeInstanceOf(pg.DatabaseError);
    // A station may mark an identity released, never rewrite who holds it.
    await expect(hubA.pool.query("UPDATE identities SET station_id = station_id, pkid = 'x'")).rejects.toMatchObject({ code: '42501' });
    await expect(hubA.pool.query('DELETE FROM releases')).rejects.toMatchObject({ code: '42501' });
  });
});
