// Inventory at scale (issue 16, item 9): a refresh reads the batch list, then the device pages of only
// the batches that are new or whose count/status changed; a full refresh (on demand) reads all.
import { afterEach, describe, expect, it } from 'vitest';
import { refreshInventory } from '../../../electron/core/sync/inventory';
import { syncContextFor } from '../../../electron/core/sync/sync-context';
import { CUSTOMER, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const deviceReads = (world: SyncWorld) => world.emu.control.requests().filter((r) => r.method === 'GET' && /\/devices(\?|$)/.test(r.path)).map((r) => decodeURIComponent(r.path.replace(/^.*deviceBatches\/([^/]+)\/devices.*$/, '$1')));

describe('inventory refresh', () => {
  it('re-reads only the batches whose count changed (grown or shrunk), one call when nothing changed, all on demand', async () => {
    w = await syncWorld({ filed: 8 });
    const pk = filedPkids(8);
    for (const [name, slice] of [['A', pk.slice(0, 2)], ['B', pk.slice(2, 4)], ['C', pk.slice(4, 5)]] as const) {
      await w.client.deviceBatches.create(CUSTOMER, { batchId: name, devices: slice.map((productKey) => ({ productKey })) });
    }
    w.emu.control.completeJobs();
    const ctx = syncContextFor({ db: w.t.station.database.db, now: Date.now, station: w.t.station.identity }, w.client);
    w.emu.control.resetRequests();
    const first = await refreshInventory(ctx, CUSTOMER);
    expect(first).toMatchObject({ ok: true, value: { batchesRead: 3, batchesUnchanged: 0 } });
    expect(deviceReads(w).sort()).toEqual(['A', 'B', 'C']);
    const stored = () => (w!.t.station.database.sqlite.prepare('SELECT count(*) AS n FROM remote_devices WHERE customer_tenant_id = ?').get(CUSTOMER) as { n: number }).n;
    expect(stored()).toBe(5);

    // B grows by one; A and C do not change.
    await w.client.deviceBatches.append(CUSTOMER, 'B', [{ productKey: pk[5] ?? '' }]);
    w.emu.control.completeJobs();
    w.emu.control.resetRequests();
    expect(await refreshInventory(ctx, CUSTOMER)).toMatchObject({ ok: true, value: { batchesRead: 1, batchesUnchanged: 2 } });
    expect(deviceReads(w)).toEqual(['B']);
    expect(stored()).toBe(6);

    // Nothing changed: one batch-list call, no device pages.
    w.emu.control.resetRequests();
    expect(await refreshInventory(ctx, CUSTOMER)).toMatchObject({ ok: true, value: { batchesRead: 0, batchesUnchanged: 3 } });
    expect(w.emu.control.requests()).toHaveLength(1);

    // C's only device is deleted: its count changes to 0, so it is read again.
    const c = await w.client.deviceBatches.listDevices(CUSTOMER, 'C');
    await w.client.deviceBatches.deleteDevice(CUSTOMER, 'C', c.ok ? (c.value.items[0]?.id ?? '') : '');
    w.emu.control.resetRequests();
    expect(await refreshInventory(ctx, CUSTOMER)).toMatchObject({ ok: true, value: { batchesRead: 1 } });
    expect(stored()).toBe(5);

    w.emu.control.resetRequests();
    expect(await refreshInventory(ctx, CUSTOMER, { full: true })).toMatchObject({ ok: true, value: { batchesRead: 3, batchesUnchanged: 0 } });
  });
});

describe('inventory channels', () => {
  it('inventory:refresh on demand, then inventory:batches shows status and count as Partner Center listed them', async () => {
    const { createStation } = await import('../../../electron/core/station');
    const { silentLogger } = await import('../../../electron/core/log');
    const { staticTokenProvider } = await import('../../../electron/partner-center/token-provider');
    w = await syncWorld({ filed: 2 });
    await w.client.deviceBatches.create(CUSTOMER, { batchId: 'Manual', devices: filedPkids(2).map((productKey) => ({ productKey })) });
    w.emu.control.completeJobs();
    w.t.station.close();
    const station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider('emulator-app-user-token') } });
    try {
      const s = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
      const token = s.ok ? s.value.token : '';
      expect(await station.call('inventory:batches', { customerTenantId: CUSTOMER }, { sessionToken: token })).toEqual({ ok: true, value: { batches: [], refreshedAt: null } });
      expect(await station.call('inventory:refresh', { customerTenantId: CUSTOMER }, { sessionToken: token })).toEqual({ ok: true, value: { batchesRead: 1, batchesUnchanged: 0, batchesDropped: 0 } });
      expect(await station.call('inventory:batches', { customerTenantId: CUSTOMER }, { sessionToken: token })).toMatchObject({ ok: true, value: { batches: [{ remoteBatchId: 'Manual', devicesCount: 2, status: 'finished' }], refreshedAt: expect.any(Number) } });
    } finally {
      station.close();
    }
  });
});
