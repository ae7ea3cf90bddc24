// Two stations joined to one throwaway hub, as the fleet tests set them up: a PostgreSQL cluster with
// the README's roles, Dock 1 (dock_a) and Dock 3 (dock_b) each on its own SQLite file and station role.
import pg from 'pg';
import type { SyncOutcome } from '../../../electron/core/fleet/fleet';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { tempStation, type TempStation } from '../../helpers/temp-station';
import { readyHub, STATION_PASSWORD, type FleetUrls } from './fleet-roles';

export interface TwoJoinedDocks {
  readonly cluster: PgCluster;
  readonly urls: FleetUrls;
  /** Dock 1. */
  readonly a: TempStation;
  /** Dock 3. */
  readonly b: TempStation;
  cleanup(): void;
}

/** `before` runs at each station before it joins (batches made before joining, say). */
export async function twoJoinedDocks(before?: (a: TempStation, b: TempStation) => Promise<void>): Promise<TwoJoinedDocks> {
  const cluster = await startPgCluster();
  const made: TempStation[] = [];
  try {
    const urls = await readyHub(cluster);
    const a = await tempStation({ hubPassword: STATION_PASSWORD });
    made.push(a);
    const b = await tempStation({ hubPassword: STATION_PASSWORD });
    made.push(b);
    await before?.(a, b);
    await a.station.fleet.join(urls.stations.dock_a ?? '', 'Dock 1');
    await b.station.fleet.join(urls.stations.dock_b ?? '', 'Dock 3');
    return {
      cluster,
      urls,
      a,
      b,
      cleanup: () => {
        for (const t of made) t.cleanup();
        cluster.destroy();
      },
    };
  } catch (err) {
    for (const t of made) t.cleanup();
    cluster.destroy();
    throw err;
  }
}

/** One round at the station; a round that fails fails the test with its sentence. */
export async function round(t: TempStation): Promise<Extract<SyncOutcome, { ok: true }>> {
  const outcome = await t.station.fleet.syncOnce();
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** One round at each station, in the order given. */
export async function rounds(...stations: TempStation[]): Promise<void> {
  for (const t of stations) await round(t);
}

/** A query on the hub under the URL given (the owner's, or a station role's with its password). */
export async function hubQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
