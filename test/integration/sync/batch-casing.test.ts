// Batch-name casing (issue 16, item 1): Partner Center holds a batch under another casing (made by
// another tool or station). The emulator matches ids in paths exactly (inferred) and refuses to create
// one that exists in any casing: the station must append under Partner Center's spelling and must
// never bounce between create (409) and append (404).
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

const settle = (world: SyncWorld, timeoutMs = 20_000) => world.engine.runUntilSettled({ timeoutMs });
const posts = (world: SyncWorld) => world.emu.control.requests().filter((r) => r.method === 'POST');
const remoteName = (world: SyncWorld, batchId: number) =>
  (world.t.station.database.sqlite.prepare('SELECT remote_name AS n FROM batches WHERE id = ?').get(batchId) as { n: string | null }).n;

async function existingRemoteBatch(world: SyncWorld, id: string, pkid: string): Promise<void> {
  const made = await world.client.deviceBatches.create(CUSTOMER, { batchId: id, devices: [{ productKey: pkid }] });
  expect(made.ok).toBe(true);
  world.emu.control.completeJobs();
  world.emu.control.resetRequests();
}

describe('a batch Partner Center holds under another casing', () => {
  it('is appended to under its own spelling, every chunk, and the spelling is remembered', async () => {
    w = await syncWorld({ filed: 6 });
    const [first, ...rest] = filedPkids(6);
    await existingRemoteBatch(w, 'PO-4711', first ?? '');
    const batchId = w.approvedBatch('po-4711', rest, 2);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 5 });
    expect(remoteName(w, batchId)).toBe('PO-4711');
    const sent = posts(w);
    expect(sent.filter((r) => /deviceBatches$/i.test(r.path))).toHaveLength(0);
    expect(sent).toHaveLength(3);
    expect(sent.every((r) => r.path.includes('/deviceBatches/PO-4711/devices') && r.status === 202)).toBe(true);
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('made between the look and the send: 409 on create, one list, then append under that spelling (no 404, no loop)', async () => {
    w = await syncWorld({ filed: 3 });
    const batchId = w.approvedBatch('racy-po', filedPkids(2, 1));
    const original = w.client.deviceBatches.list;
    let hidden = true;
    w.client.deviceBatches.list = async (cid, o) => {
      const r = await original(cid, o);
      if (hidden) {
        hidden = false;
        await w!.client.deviceBatches.create(cid, { batchId: 'RACY-PO', devices: [{ productKey: filedPkids(1)[0] ?? '' }] });
      }
      return r;
    };
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 2 });
    const statuses = posts(w).filter((r) => /racy-po/i.test(r.path) || /deviceBatches$/i.test(r.path)).map((r) => `${r.status} ${r.path.replace(/^.*deviceBatches/i, '')}`);
    expect(statuses).toEqual(['202 ', '409 ', '202 /RACY-PO/devices']);
    expect(remoteName(w, batchId)).toBe('RACY-PO');
  });

  it('when the service contradicts itself (409 on create, never listed) the chunk waits: no tight loop', async () => {
    w = await syncWorld({ filed: 3 });
    await existingRemoteBatch(w, 'Ghost', filedPkids(1)[0] ?? '');
    const batchId = w.approvedBatch('ghost', filedPkids(2, 1));
    const original = w.client.deviceBatches.list;
    // A list that never shows the batch (a stale or partial answer).
    w.client.deviceBatches.list = async (cid, o) => {
      const r = await original(cid, o);
      return r.ok ? { ...r, value: { ...r.value, items: [] } } : r;
    };
    // A long back-off, as in production: the chunk must not be due again within the run.
    w.engine = w.newEngine({ retryMaxMs: 60_000 });
    const status = await settle(w, 1_500);
    const sent = posts(w);
    expect(sent.length).toBeLessThanOrEqual(1);
    expect(sent.filter((r) => r.status === 404)).toHaveLength(0);
    expect(status.message).toMatch(/already exists but does not list it/);
    expect(w.deviceStates(batchId)).toEqual({ queued: 2 });
  });
});
