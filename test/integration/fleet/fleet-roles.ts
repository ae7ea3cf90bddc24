// The README's roles, for real: a hub owner that runs `fleet init`, and one login role per station in
// the dockside_station group, which holds only the rights a station needs. The SQL is the README's.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openHub, type Hub } from '../../../db/hub/connect';
import { joinStation } from '../../../db/hub/repos/stations';
import { migrateHub } from '../../../db/hub/migrate';
import type { PgCluster } from '../../helpers/pg-cluster';

export const OWNER_PASSWORD = 'owner-secret-7Hq2';
export const STATION_PASSWORD = 'station-secret-Zx81';

export const STATION_GRANTS = `
GRANT CONNECT ON DATABASE dockside_fleet TO dockside_station;
GRANT USAGE ON SCHEMA public TO dockside_station;
GRANT SELECT ON __dockside_hub_migrations TO dockside_station;
GRANT SELECT, INSERT, UPDATE ON stations, batch_states TO dockside_station;
GRANT SELECT, INSERT ON identities, pushes TO dockside_station;
GRANT SELECT, INSERT, UPDATE ON upload_leases TO dockside_station;
GRANT USAGE ON SEQUENCE identities_id_seq TO dockside_station;
GRANT UPDATE (released_at) ON identities TO dockside_station;
GRANT SELECT, INSERT ON releases TO dockside_station;
GRANT USAGE ON SEQUENCE releases_id_seq TO dockside_station;
GRANT SELECT, INSERT ON batch_requests TO dockside_station;
GRANT UPDATE (outcome, reason, answered_at) ON batch_requests TO dockside_station;
GRANT USAGE ON SEQUENCE batch_requests_id_seq TO dockside_station;
GRANT SELECT, INSERT, UPDATE ON operators, operator_lockouts, audit_anchors TO dockside_station;
GRANT SELECT, INSERT ON pin_failures TO dockside_station;
GRANT USAGE ON SEQUENCE operators_change_seq TO dockside_station;
`;

export interface FleetUrls {
  /** With the owner's password inside (what an admin types once for fleet init). */
  readonly owner: string;
  /** Without a password: the station's password is passed apart. */
  readonly stations: Record<string, string>;
}

export async function createFleetRoles(cluster: PgCluster, stationRoles: readonly string[]): Promise<FleetUrls> {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE dockside_hub_owner LOGIN PASSWORD '${OWNER_PASSWORD}'`);
    await admin.query('CREATE DATABASE dockside_fleet OWNER dockside_hub_owner');
    await admin.query('CREATE ROLE dockside_station NOLOGIN');
    for (const role of stationRoles) await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${STATION_PASSWORD}' IN ROLE dockside_station`);
  } finally {
    await admin.end();
  }
  const base = `127.0.0.1:${cluster.port}/dockside_fleet`;
  return {
    owner: `postgres://dockside_hub_owner:${OWNER_PASSWORD}@${base}`,
    stations: Object.fromEntries(stationRoles.map((r) => [r, `postgres://${r}@${base}`])),
  };
}

/** Run by the owner after `fleet init` created the tables (GRANTs name tables, so they come second). */
export async function grantStations(ownerUrl: string): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(STATION_GRANTS);
  } finally {
    await owner.end();
  }
}

/** A hub ready for Dock 1 (dock_a) and Dock 3 (dock_b), or the roles given: roles, the schema as its owner, then the GRANTs. */
export async function readyHub(cluster: PgCluster, stationRoles: readonly string[] = ['dock_a', 'dock_b']): Promise<FleetUrls> {
  const urls = await createFleetRoles(cluster, stationRoles);
  const owner = await openHub({ url: urls.owner });
  try {
    await migrateHub(owner.pool, owner.where);
  } finally {
    await owner.close();
  }
  await grantStations(urls.owner);
  return urls;
}

export interface TwoDocks {
  readonly hubA: Hub;
  readonly hubB: Hub;
  readonly dockA: string;
  readonly dockB: string;
  close(): Promise<void>;
}

/**
 * Dock 1 and Dock 3 joined to a hub on `cluster`, each through its own station role. `migrate` runs as
 * the hub owner first (what `fleet init` does), before the station roles get their GRANTs.
 */
export async function twoDocksOnOneHub(cluster: PgCluster, migrate: (owner: Hub) => Promise<void>): Promise<TwoDocks> {
  const urls = await createFleetRoles(cluster, ['dock_a', 'dock_b']);
  const owner = await openHub({ url: urls.owner });
  try {
    await migrate(owner);
  } finally {
    await owner.close();
  }
  await grantStations(urls.owner);
  const hubA = await openHub({ url: urls.stations.dock_a ?? '', password: STATION_PASSWORD });
  const hubB = await openHub({ url: urls.stations.dock_b ?? '', password: STATION_PASSWORD });
  const dockA = randomUUID();
  const dockB = randomUUID();
  await joinStation(hubA.db, { id: dockA, name: 'Dock 1' });
  await joinStation(hubB.db, { id: dockB, name: 'Dock 3' });
  return { hubA, hubB, dockA, dockB, close: async () => (await hubA.close(), await hubB.close()) };
}
