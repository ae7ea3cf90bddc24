// A hub set up before stations were tied to their roles (0002), with a station already joined, then
// upgraded: the station's next round ties its row to its role and anchors its audit chain, and from
// then on another station's role cannot change that row. Real PostgreSQL, a real station file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openHub } from '../../../db/hub/connect';
import { saveLink } from '../../../db/hub/local/link';
import { migrateHub } from '../../../db/hub/migrate';
import { hubMigrationsDir } from '../../../db/hub/migrations-dir';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { tempStation, type TempStation } from '../../helpers/temp-station';
import { createFleetRoles, grantStations, STATION_GRANTS, STATION_PASSWORD, type FleetUrls } from './fleet-roles';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let cluster: PgCluster;
let urls: FleetUrls;
let t: TempStation;
let oldMigrations: string;

const withPassword = (url: string | undefined) => {
  const u = new URL(url ?? '');
  u.password = STATION_PASSWORD;
  return u.toString();
};

async function run<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** The hub's migrations up to 0002, as a release before fleet-wide operators shipped them. */
function migrationsUpTo(tags: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'dockside-hub-old-')), 'migrations');
  cpSync(hubMigrationsDir, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, tags) }));
  return dir;
}

beforeAll(async () => {
  cluster = await startPgCluster();
  urls = await createFleetRoles(cluster, ['dock_a', 'dock_b']);
  oldMigrations = migrationsUpTo(3);
  const owner = await openHub({ url: urls.owner });
  try {
    expect((await migrateHub(owner.pool, owner.where, oldMigrations)).applied).toEqual(['0000_hub_initial', '0001_upload_leases', '0002_identity_releases']);
  } finally {
    await owner.close();
  }
  // That release's GRANTs: the ones for tables it did not have yet come with the upgrade.
  const oldGrants = STATION_GRANTS.split('\n').filter((l) => !/operators|pin_failures|audit_anchors|operators_change_seq|batch_requests/.test(l)).join('\n');
  await run(urls.owner, oldGrants);
  t = await tempStation({ hubPassword: STATION_PASSWORD });
  // Joined by that release (its INSERT knew no db_role column).
  await run(withPassword(urls.stations.dock_a), 'INSERT INTO stations (id, name) VALUES ($1, $2)', [t.station.identity.id, 'Dock 1']);
  t.station.database.db.transaction((tx) => saveLink(tx, { hubUrl: urls.stations.dock_a ?? '', stationName: 'Dock 1', joinedAt: Date.now() }));
});

afterAll(() => {
  t?.cleanup();
  rmSync(join(oldMigrations, '..'), { recursive: true, force: true });
  cluster?.destroy();
});

describe('a hub upgraded under a joined station', () => {
  it("ties the station's row to its role at its next round, which then anchors and pushes operators", async () => {
    const owner = await openHub({ url: urls.owner });
    try {
      expect((await migrateHub(owner.pool, owner.where)).applied).toEqual(['0003_batch_requests', '0004_fleet_operators', '0005_station_own_rows']);
    } finally {
      await owner.close();
    }
    await grantStations(urls.owner);
    expect((await run(urls.owner, 'SELECT db_role FROM stations')).rows).toEqual([{ db_role: null }]);
    const round = await t.station.fleet.syncOnce();
    expect(round, round.ok ? '' : round.message).toMatchObject({ ok: true, operatorsPushed: 1, anchor: { anchored: true } });
    expect((await run(urls.owner, 'SELECT db_role FROM stations')).rows).toEqual([{ db_role: 'dock_a' }]);
    expect((await run(urls.owner, 'SELECT name_key FROM operators')).rows).toEqual([{ name_key: 'ada admin' }]);
  });

  it("keeps another station's role off the row from then on", async () => {
    const claimed = await run(withPassword(urls.stations.dock_b), "UPDATE stations SET db_role = 'dock_b', name = 'Not Dock 1' WHERE id = $1", [t.station.identity.id]);
    expect(claimed.rowCount).toBe(0);
    await expect(run(withPassword(urls.stations.dock_b), "INSERT INTO stations (id, name, db_role) VALUES (gen_random_uuid(), 'Dock 9', 'dock_a')")).rejects.toThrow(/row-level security/);
    expect((await run(urls.owner, 'SELECT name, db_role FROM stations')).rows).toEqual([{ name: 'Dock 1', db_role: 'dock_a' }]);
  });
});
