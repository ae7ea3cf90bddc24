// "Move failed to a new batch" keeps each device's story: in the new batch a moved device still says
// why Partner Center refused it, and the shift report counts devices per error code, once per box,
// before and after the move and after the box is sent again.
import { afterEach, describe, expect, it } from 'vitest';
import { filedPkids, OTHER_TENANT, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import { queueUploadChunks } from '../../../electron/core/sync/outbox';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

const OWNED = ['3300000000017', '3300000000024', '3300000000031'];
const TWICE = '3300000000048';

async function report(world: SyncWorld, lead: string) {
  const r = await world.t.station.call('reports:shift', { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 }, { sessionToken: lead });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('moving failed devices', () => {
  it('keeps their errors in the new batch, and the report counts three devices for 808 and one for 813 throughout', async () => {
    w = await syncWorld({ filed: 2, registry: [...OWNED.map((pkid) => ({ pkid, ownerTenant: OTHER_TENANT })), { pkid: TWICE }, { pkid: TWICE }] });
    const batchId = w.approvedBatch('Mixed', [...filedPkids(2), ...OWNED, TWICE]);
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 2, '808': 3, '813': 1 });
    const lead = await w.t.tokenFor('lead', 'Lena');
    const codes = async () => (await report(w!, lead)).errorCodes.map((e) => [e.code, e.count]);
    expect(await codes()).toEqual([['808', 3], ['813', 1]]);

    const moved = await w.t.station.call('uploads:moveFailed', { batchId, newBatchName: 'Mixed again' }, { sessionToken: lead });
    expect(moved).toMatchObject({ ok: true, value: { moved: 4 } });
    if (!moved.ok) return;
    const lines = await w.t.station.call('review:devices', { batchId: moved.value.batchId }, { sessionToken: lead });
    if (!lines.ok) throw new Error(lines.error.message);
    expect(lines.value.rows.map((r) => [r.pkid, r.state, r.errorCode]).sort()).toEqual([
      [OWNED[0], 'scanned', '808'],
      [OWNED[1], 'scanned', '808'],
      [OWNED[2], 'scanned', '808'],
      [TWICE, 'scanned', '813'],
    ]);
    expect(lines.value.rows.every((r) => r.errorText !== null && r.errorText !== '')).toBe(true);
    expect(await codes()).toEqual([['808', 3], ['813', 1]]);

    // Sent again: the new rows fail again; still one count per box, not one per attempt or row.
    w.t.station.database.db.transaction((tx) => queueUploadChunks(tx, moved.value.batchId, 500, Date.now()), { behavior: 'immediate' });
    w.t.station.database.sqlite.prepare("UPDATE batches SET state = 'approved', customer_tenant_id = (SELECT customer_tenant_id FROM batches WHERE id = ?) WHERE id = ?").run(batchId, moved.value.batchId);
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(moved.value.batchId)).toEqual({ '808': 3, '813': 1 });
    expect(await codes()).toEqual([['808', 3], ['813', 1]]);
  });
});
