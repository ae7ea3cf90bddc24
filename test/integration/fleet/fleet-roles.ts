// The README's roles, for real: a hub owner that runs `fleet init`, and one login role per station in
// the dockside_station group, which holds only the rights a station needs. The SQL is the README's.
import pg from 'pg';
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
