// One uploader per customer, on a real PostgreSQL hub: a second station is refused while the lease is
// live, takes it once it expires by the hub's clock, and the first stops before its next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../db/hub/connect';
import { migrateHub } from '../../../db/hub/migrate';
import { liveLeases } from '../../../db/hub/repos/upload-leases';
import { takeUploadLease, UploadLeaseLost } from '../../../electron/core/fleet/upload-lease';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { twoDocksOnOneHub, type TwoDocks } from './fleet-roles';

let cluster: PgCluster;
let hubA: Hub;
let hubB: Hub;
let dockA: string;
let dockB: string;
let docks: TwoDocks | undefined;

beforeAll(async () => {
  cluster = await startPgCluster();
  docks = await twoDocksOnOneHub(cluster, async (owner) => {
    await migrateHub(owner.pool, owner.where);
  });
  ({ hubA, hubB, dockA, dockB } = docks);
});

afterAll(async () => {
  await docks?.close();
  cluster?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('upload leases', () => {
  it('refuses a second uploader while the lease is live, names the holder, and hands over on expiry', async () => {
    const a = await takeUploadLease(hubA, dockA, 'tenant-1', 600);
    if (!a.held) throw new Error(a.message);
    await a.lease.ensure();
    const refused = await takeUploadLease(hubB, dockB, 'tenant-1', 600);
    expect(refused).toMatchObject({ held: false, message: expect.stringMatching(/^Dock 1 is uploading for customer tenant-1/) });
    expect(await liveLeases(hubB.db)).toEqual([{ customerTenantId: 'tenant-1', stationName: 'Dock 1', expiresAt: expect.any(Date) }]);

    await sleep(800);
    const b = await takeUploadLease(hubB, dockB, 'tenant-1', 5000);
    if (!b.held) throw new Error(b.message);
    expect(b.lease.epoch).toBe(a.lease.epoch + 1);
    // The first station stops before its next request, and keeps refusing afterwards.
    await expect(a.lease.ensure()).rejects.toBeInstanceOf(UploadLeaseLost);
    await expect(a.lease.ensure()).rejects.toThrow(/no longer holds the upload lease for customer tenant-1/);
    await b.lease.ensure();
    await b.lease.release();
    await expect(b.lease.ensure()).rejects.toBeInstanceOf(UploadLeaseLost);
  });

  it('keeps a lease that is renewed in time, whatever the station clock says', async () => {
    let stationClock = Date.now() - 5 * 3600_000; // hours behind: the hub's clock decides expiry
    const a = await takeUploadLease(hubA, dockA, 'tenant-2', 400, () => stationClock);
    if (!a.held) throw new Error(a.message);
    for (let i = 0; i < 4; i++) {
      await sleep(250);
      stationClock += 250;
      await a.lease.ensure();
    }
    expect((await takeUploadLease(hubB, dockB, 'tenant-2', 400)).held).toBe(false);
    await a.lease.release();
  });

  it('gives a customer to exactly one of two stations asking at the same moment', async () => {
    for (let round = 0; round < 10; round++) {
      const customer = `race-${round}`;
      const answers = await Promise.all([takeUploadLease(hubA, dockA, customer, 5000), takeUploadLease(hubB, dockB, customer, 5000)]);
      expect(answers.filter((x) => x.held)).toHaveLength(1);
    }
  });

  it('stops the holder when the hub cannot confirm the lease', async () => {
    const a = await takeUploadLease(hubA, dockA, 'tenant-3', 5000);
    if (!a.held) throw new Error(a.message);
    cluster.stop();
    try {
      await expect(a.lease.ensure()).rejects.toThrow(/the hub cannot confirm it/);
    } finally {
      cluster.start();
    }
  });
});
