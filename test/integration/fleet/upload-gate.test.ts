// The upload engine in a fleet: a real station and upload engine against the Partner Center emulator,
// on a real PostgreSQL hub. While another dock holds the customer's upload lease nothing is sent and
// the status names that dock; once it gives the lease back this station takes it and uploads; with the
// hub out of reach the engine waits rather than send unconfirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub } from '../../../db/hub/connect';
import { liveLeases } from '../../../db/hub/repos/upload-leases';
import { Fleet } from '../../../electron/core/fleet/fleet';
import { FleetUploadGate } from '../../../electron/core/fleet/upload-gate';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { CUSTOMER, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import { tempStation, type TempStation } from '../../helpers/temp-station';
import { readyHub, STATION_PASSWORD, type FleetUrls } from './fleet-roles';

let cluster: PgCluster;
let urls: FleetUrls;
let w: SyncWorld;
let other: TempStation;
let here: Fleet;
let there: Fleet;

const posts = () => w.emu.control.requests().filter((r) => r.method === 'POST').length;

beforeAll(async () => {
  cluster = await startPgCluster();
  urls = await readyHub(cluster);
  w = await syncWorld({ filed: 12, switches: { latency: { ms: 5, jitterMs: 0 } } });
  here = new Fleet({ db: w.t.station.database.db, dataDir: w.t.dataDir, station: w.t.station.identity, now: Date.now, password: STATION_PASSWORD });
  await here.join(urls.stations.dock_a ?? '', 'Dock 1');
  other = await tempStation();
  there = new Fleet({ db: other.station.database.db, dataDir: other.dataDir, station: other.station.identity, now: Date.now, password: STATION_PASSWORD });
  await there.join(urls.stations.dock_b ?? '', 'Dock 3');
}, 120_000);

afterAll(async () => {
  await w?.close();
  other?.cleanup();
  cluster?.destroy();
});

describe('the upload engine in a fleet', () => {
  it("sends nothing while another dock holds the customer's lease, says who, and uploads once it is given back", async () => {
    const held = await there.uploadLease(CUSTOMER, 60_000);
    if (!held.held) throw new Error(held.message);
    const gate = new FleetUploadGate(here, w.t.station.database.db, 50);
    const engine = w.newEngine({ maxInFlight: 2 }, Date.now, gate);
    const batchId = w.approvedBatch('Fleet upload', filedPkids(12), 4);

    const waiting = await engine.runUntilSettled({ timeoutMs: 600 });
    expect(posts()).toBe(0);
    expect(waiting).toMatchObject({ state: 'waiting', message: expect.stringMatching(new RegExp(`^Dock 3 is uploading for customer ${CUSTOMER} .*This station's uploads for that customer wait their turn\\.$`)) });
    expect(w.deviceStates(batchId)).toEqual({ queued: 12 });

    await held.lease.release();
    await engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 12 });
    expect(w.emu.control.duplicates()).toEqual([]);
    const hub = await openHub({ url: urls.owner });
    try {
      expect(await liveLeases(hub.db)).toEqual([{ customerTenantId: CUSTOMER, stationName: 'Dock 1', expiresAt: expect.any(Date) }]);
    } finally {
      await hub.close();
    }
    await engine.stop();
  });

  it('waits rather than send unconfirmed when the hub is out of reach', async () => {
    const before = posts();
    const gate = new FleetUploadGate(here, w.t.station.database.db, 50);
    const engine = w.newEngine({}, Date.now, gate);
    const batchId = w.approvedBatch('Hub down', filedPkids(4, 100), 4);
    w.emu.control.addRegistryDevices(filedPkids(4, 100).map((pkid) => ({ pkid })));
    cluster.stop();
    try {
      const status = await engine.runUntilSettled({ timeoutMs: 600 });
      expect(posts()).toBe(before);
      expect(status).toMatchObject({ state: 'waiting', message: expect.stringMatching(/^Uploads for customer .* wait: the fleet hub cannot confirm that this station may send \(The fleet hub .* cannot be reached/) });
      expect(w.deviceStates(batchId)).toEqual({ queued: 4 });
    } finally {
      cluster.start();
    }
    await engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 4 });
    await engine.stop();
  });
});
