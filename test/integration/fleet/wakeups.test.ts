// A box scanned at one dock is known at the others within a round trip, not at the next tick: the
// scanning station pushes soon after its own scan and NOTIFYs the hub; the others LISTEN and pull. The
// loops here tick once a minute, so only that path can deliver within the wait below.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fleet } from '../../../electron/core/fleet/fleet';
import { firstScannedElsewhere } from '../../../electron/core/fleet/lookups';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { tempStation, type TempStation } from '../../helpers/temp-station';
import { readyHub, STATION_PASSWORD } from './fleet-roles';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const TICK_MS = 60_000;

interface Dock {
  t: TempStation;
  fleet: Fleet;
  scan(pkid: string): Promise<void>;
}

async function dock(name: string, url: string): Promise<Dock> {
  const t = await tempStation();
  const token = await t.tokenFor('operator', `${name} operator`);
  const created = await t.station.call('batches:create', { name: `${name} batch` }, { sessionToken: token });
  if (!created.ok) throw new Error(created.error.message);
  const fleet = new Fleet({ db: t.station.database.db, dataDir: t.station.dataDir, station: t.station.identity, now: Date.now, events: t.station.events, password: STATION_PASSWORD });
  await fleet.join(url, name);
  const scan = async (raw: string) => {
    const scanned = await t.station.call('scans:record', { batchId: created.value.id, raw, source: 'wedge', confirmPkid: true }, { sessionToken: token });
    if (!scanned.ok) throw new Error(scanned.error.message);
    expect(scanned.value.verdict).toBe('accepted');
  };
  return { t, fleet, scan };
}

async function until(check: () => boolean, withinMs: number): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

let cluster: PgCluster;
let a: Dock;
let b: Dock;

beforeAll(async () => {
  cluster = await startPgCluster();
  const urls = await readyHub(cluster);
  a = await dock('Dock 1', urls.stations.dock_a ?? '');
  b = await dock('Dock 3', urls.stations.dock_b ?? '');
  // One round each by hand so both loops start with nothing to catch up on.
  expect((await a.fleet.syncOnce()).ok).toBe(true);
  expect((await b.fleet.syncOnce()).ok).toBe(true);
  a.fleet.start(TICK_MS);
  b.fleet.start(TICK_MS);
  // The loops' first rounds (immediate) open their listeners.
  await new Promise((r) => setTimeout(r, 1500));
});

afterAll(async () => {
  for (const d of [a, b]) {
    d?.fleet.stop();
    await d?.fleet.settled();
    d?.t.cleanup();
  }
  cluster?.destroy();
});

describe('fleet wake-ups', () => {
  it('a PKID scanned at Dock 1 is known at Dock 3 long before either loop ticks', async () => {
    const pkid = '3888000000011';
    expect(firstScannedElsewhere(b.t.station.database.db, { pkid })).toBeNull();
    await a.scan(pkid);
    expect(await until(() => firstScannedElsewhere(b.t.station.database.db, { pkid }) !== null, 10_000)).toBe(true);
    expect(firstScannedElsewhere(b.t.station.database.db, { pkid })?.stationName).toBe('Dock 1');
  });

  it('works both ways and for a burst: ten scans at Dock 3 all reach Dock 1', async () => {
    const pkids = Array.from({ length: 10 }, (_, i) => String(3_888_000_000_100 + i));
    for (const pkid of pkids) await b.scan(pkid);
    expect(await until(() => pkids.every((pkid) => firstScannedElsewhere(a.t.station.database.db, { pkid }) !== null), 10_000)).toBe(true);
  });

  it('a dock whose listener lost the hub (terminated by the server) listens again after its next round', async () => {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dockside-listen') t");
      expect(killed.rows[0]?.n).toBe(2);
    } finally {
      await admin.end();
    }
    // Its own scan still starts a round (the push path does not need the listener), which listens again.
    await b.scan('3888000000200');
    await new Promise((r) => setTimeout(r, 1500));
    const pkid = '3888000000201';
    await a.scan(pkid);
    expect(await until(() => firstScannedElsewhere(b.t.station.database.db, { pkid }) !== null, 10_000)).toBe(true);
  });
});
