// The upload engine against the Partner Center emulator over loopback: real client, real SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { filedPkids, OTHER_TENANT, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

const settle = (world: SyncWorld) => world.engine.runUntilSettled({ timeoutMs: 20_000 });

function postsTo(world: SyncWorld, pattern: RegExp): number {
  return world.emu.control.requests().filter((r) => r.method === 'POST' && pattern.test(r.path)).length;
}

describe('upload engine', () => {
  it('registers 1,200 devices in three chunks: creates the batch once, then appends, each device once', async () => {
    w = await syncWorld({ filed: 1200 });
    const batchId = w.approvedBatch('PO-4711', filedPkids(1200), 500);
    const status = await settle(w);
    expect(status.state).not.toBe('offline');
    expect(w.batchState(batchId)).toBe('registered');
    expect(w.deviceStates(batchId)).toEqual({ registered: 1200 });
    expect(w.emu.control.stats().registrations).toBe(1200);
    expect(w.emu.control.duplicates()).toEqual([]);
    expect(postsTo(w, /\/deviceBatches$/i)).toBe(1);
    expect(postsTo(w, /\/deviceBatches\/[^/]+\/devices$/i)).toBe(2);
  });

  it('records every refused device with its code and an action, and counts 806 as registered (the customer\'s own record, said so)', async () => {
    const owned = '3300000000017';
    const notFiled = '3300000000024';
    const mine = '3300000000031';
    w = await syncWorld({ filed: 3, registry: [{ pkid: owned, ownerTenant: OTHER_TENANT }, { pkid: mine, ownerTenant: '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71' }] });
    const batchId = w.approvedBatch('Mixed', [...filedPkids(3), owned, notFiled, mine]);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 3, '806-customer': 1, '808': 1, '812': 1 });
    expect(w.batchState(batchId)).toBe('needs_attention');
    const row = w.t.station.database.sqlite.prepare('SELECT state, error_text FROM devices WHERE pkid = ?').get(owned) as { state: string; error_text: string };
    expect(row).toMatchObject({ state: 'failed', error_text: expect.stringMatching(/another organisation/) });
  });

  it('lets a lead remove refused devices after the upload, and the batch then settles as registered', async () => {
    const owned = '3300000000017';
    w = await syncWorld({ filed: 2, registry: [{ pkid: owned, ownerTenant: OTHER_TENANT }] });
    const batchId = w.approvedBatch('Cleanup', [...filedPkids(2), owned]);
    await settle(w);
    expect(w.batchState(batchId)).toBe('needs_attention');
    expect(w.engine.getStatus().attentionDevices).toBe(1);
    // Nothing left to send, but a person is needed: the engine never says all is well.
    expect(w.engine.getStatus()).toMatchObject({ state: 'needs-attention', message: 'Uploads finished, but 1 device needs a person: Partner Center refused it.' });
    expect(w.engine.getStatus().message).not.toMatch(/settled|up to date/i);
    const lead = await w.t.tokenFor('lead', 'Lena');
    const failed = w.t.station.database.sqlite.prepare('SELECT id FROM devices WHERE pkid = ?').get(owned) as { id: number };
    const removed = await w.t.station.call('review:removeDevice', { deviceId: failed.id, reason: 'owned by another tenant; returned to supplier' }, { sessionToken: lead });
    expect(removed.ok).toBe(true);
    expect(w.batchState(batchId)).toBe('registered');
    await w.engine.step();
    expect(w.engine.getStatus()).toMatchObject({ state: 'idle', attentionDevices: 0, message: 'All uploads settled.' });
    const registered = w.t.station.database.sqlite.prepare("SELECT id FROM devices WHERE batch_id = ? AND state = 'registered' LIMIT 1").get(batchId) as { id: number };
    expect(await w.t.station.call('review:removeDevice', { deviceId: registered.id, reason: 'changed my mind about this box' }, { sessionToken: lead })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('appends from the start when the batch already exists in Partner Center', async () => {
    w = await syncWorld({ filed: 4 });
    const created = await w.client.deviceBatches.create('6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71', { batchId: 'Existing', devices: [{ productKey: filedPkids(1)[0] ?? '' }] });
    expect(created.ok).toBe(true);
    w.emu.control.resetRequests();
    const batchId = w.approvedBatch('existing', filedPkids(3, 1));
    await settle(w);
    expect(postsTo(w, /\/deviceBatches$/i)).toBe(0);
    expect(w.deviceStates(batchId)).toEqual({ registered: 3 });
  });

  it('looks remote first: devices already registered in another Partner Center batch are flagged, not sent', async () => {
    w = await syncWorld({ filed: 5 });
    const [a, b] = filedPkids(5);
    const earlier = await w.client.deviceBatches.create('6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71', { batchId: 'Manual CSV', devices: [{ productKey: a ?? '' }, { productKey: b ?? '' }] });
    expect(earlier.ok).toBe(true);
    for (let i = 0; i < 4; i++) await w.client.jobs.status('6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71', earlier.ok ? (earlier.value.trackingId ?? '') : '');
    w.emu.control.resetRequests();
    const batchId = w.approvedBatch('Second', filedPkids(5));
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 3, 'already-registered': 2 });
    const sent = w.emu.control.requests().filter((r) => r.method === 'POST').length;
    expect(sent).toBe(1);
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('switches to append when creating answers 409 (a batch made between the look and the send)', async () => {
    w = await syncWorld({ filed: 2 });
    const batchId = w.approvedBatch('Racy', filedPkids(2));
    // Make the batch exist only after the engine has looked: the first list shows nothing.
    const original = w.client.deviceBatches.list;
    w.client.deviceBatches.list = async (cid, o) => {
      const r = await original(cid, o);
      await w!.client.deviceBatches.create(cid, { batchId: 'Racy', devices: [{ productKey: '3399999999990' }] });
      w!.client.deviceBatches.list = original;
      return r;
    };
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 2 });
    expect(w.emu.control.duplicates()).toEqual([]);
  });

  it('survives a send whose answer never comes: reconciles, re-sends with the same request id, registers once', async () => {
    w = await syncWorld({ filed: 5, clientTimeoutMs: 300, switches: { faults: [{ kind: 'hang', after: true, times: 3, route: 'deviceBatches$', method: 'POST' }] } });
    const batchId = w.approvedBatch('Hang', filedPkids(5));
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 5 });
    expect(w.emu.control.duplicates()).toEqual([]);
    const creates = w.emu.control.requests().filter((r) => r.method === 'POST' && /deviceBatches$/i.test(r.path));
    // Three attempts hung inside the client, then the engine reconciled and sent once more.
    expect(creates.length).toBeGreaterThanOrEqual(4);
    expect(new Set(creates.map((r) => r.requestId)).size).toBe(1);
    const audit = w.t.station.database.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'uploads:reconciled'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });

  it('goes offline without losing anything when the service drops every connection, then resumes', async () => {
    w = await syncWorld({ filed: 3, switches: { faults: [{ kind: 'drop' }] } });
    const batchId = w.approvedBatch('Offline', filedPkids(3));
    const first = await w.engine.runUntilSettled({ timeoutMs: 400 });
    expect(first).toMatchObject({ state: 'offline', waitingDevices: 3, message: expect.stringMatching(/Offline — 3 devices waiting/) });
    w.emu.control.setSwitches({ faults: [] });
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 3 });
  });

  it('pauses with "sign-in needed" on a 401 that a fresh token cannot fix, and resumes after sign-in', async () => {
    w = await syncWorld({ filed: 2 });
    w.tokens.current = 'emulator-expired-token';
    const batchId = w.approvedBatch('Expired', filedPkids(2));
    expect(await settle(w)).toMatchObject({ state: 'sign-in-needed', waitingDevices: 2 });
    w.tokens.current = 'emulator-app-user-token';
    w.engine.kick();
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 2 });
  });

  it.each([
    ['status link in the body', { statusLink: 'body' as const }],
    ['Location with /v1', { locationStyle: 'v1' as const }],
    ['absolute Location', { locationStyle: 'absolute' as const }],
    ['PascalCase JSON', { pascalCaseOutput: true }],
    ['a UTF-8 BOM before JSON', { bom: true }],
    ['devices listed in-progress while the job runs', { pendingDevicesInStatus: true, jobAdvance: { pollsPerStep: 2, devicesPerStep: 1 } }],
    ['batch status "finished" despite failures', { batchStatusWithFailures: 'finished' as const }],
    ['silent append on an existing batch id', { batchExists: 'append' as const }],
    ['503s and 429s on the way', { faults: [{ kind: 'status' as const, status: 503 as const, rate: 0.3 }] }],
  ])('registers everything with %s', async (_name, switches) => {
    w = await syncWorld({ filed: 6, switches });
    const batchId = w.approvedBatch('Switch', filedPkids(6), 4);
    await settle(w);
    expect(w.deviceStates(batchId)).toEqual({ registered: 6 });
    expect(w.emu.control.duplicates()).toEqual([]);
  });
});
