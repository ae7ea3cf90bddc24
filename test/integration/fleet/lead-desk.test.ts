// The lead's desk across docks, for real: two station files (Dock 1 = A, Dock 3 = B) on one throwaway
// PostgreSQL, each through its own station role. A lead at A sees B's batches after a round, asks B to
// approve one, B carries it out under its own rules on its round, and A sees the answer; B refuses what
// its rules refuse (a box the hub gave to another dock, the two-person rule) and says why; and "where
// is this box?" at A finds a box B scanned.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openHub } from '../../../db/hub/connect';
import { fileRequests } from '../../../db/hub/repos/batch-requests';
import { ADMIN, type TempStation } from '../../helpers/temp-station';
import { STATION_PASSWORD, type FleetUrls } from './fleet-roles';
import { round, twoJoinedDocks, type TwoJoinedDocks } from './two-docks';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const TENANT = 'tenant-desk-1';
let docks: TwoJoinedDocks;
let urls: FleetUrls;
let a: TempStation;
let b: TempStation;
let leadAtA: string;
let olgaAtB: string;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Olga scans `pkids` into a new batch at B and closes it. */
async function closedBatchAtB(name: string, pkids: readonly string[], token = olgaAtB): Promise<number> {
  const auth = { sessionToken: token };
  const batch = value(await b.station.call('batches:create', { name }, auth));
  for (const raw of pkids) {
    const scanned = value(await b.station.call('scans:record', { batchId: batch.id, raw, source: 'wedge', confirmPkid: true }, auth));
    expect(scanned.verdict, scanned.message).toBe('accepted');
  }
  value(await b.station.call('batches:close', { id: batch.id }, auth));
  return batch.id;
}


async function deskAtA() {
  return value(await a.station.call('fleet:batches', {}, { sessionToken: leadAtA }));
}

async function requestAtA(batchName: string, action: 'approve' | 'reopen' = 'approve') {
  const request = value(await a.station.call('fleet:requestBatch', { stationName: 'Dock 3', batchName, action, ...(action === 'approve' ? { customerTenantId: TENANT } : {}) }, { sessionToken: leadAtA }));
  // The handler starts a round at once; let it finish before the next step.
  await a.station.fleet.settled();
  return request;
}

beforeAll(async () => {
  docks = await twoJoinedDocks();
  ({ urls, a, b } = docks);
  b.station.database.sqlite.prepare("INSERT INTO customers (tenant_id, company_name, relationship, refreshed_at) VALUES (?, 'Contoso', 'reseller', 0)").run(TENANT);
  leadAtA = await a.tokenFor('lead', 'Lena');
  olgaAtB = await b.tokenFor('operator', 'Olga');
});

afterAll(() => docks?.cleanup());

describe("a lead's desk across docks", () => {
  it("lists B's batches at A after a round, with the dock's name, state, lines, who and when, as of the pull", async () => {
    await closedBatchAtB('PO-B1', ['3811111111111', '3811111111112']);
    await round(b);
    const before = Date.now();
    await round(a);
    const desk = await deskAtA();
    expect(desk).toMatchObject({ member: true, stationName: 'Dock 1', problem: null, otherStations: ['Dock 3'] });
    expect(desk.asOf).toBeGreaterThanOrEqual(before);
    expect(desk.batches.filter((x) => !x.own)).toEqual([
      { stationName: 'Dock 3', batchName: 'PO-B1', state: 'closed', devices: 2, createdBy: 'Olga', createdAt: expect.any(Number), own: false, batchId: null, heldElsewhere: 0, request: null },
    ]);
  });

  it('A asks B to approve; B approves on its round under its own rules and names the lead in its audit; A sees done', async () => {
    const asked = await requestAtA('PO-B1');
    expect(asked).toMatchObject({ action: 'approve', requestedBy: 'Lena', outcome: null });
    expect((await deskAtA()).batches.find((x) => x.batchName === 'PO-B1')?.request).toMatchObject({ sent: true, outcome: null });
    // Nothing is approved by the hub or by A: B's batch is still closed until B's round.
    expect(b.station.database.sqlite.prepare("SELECT state FROM batches WHERE name = 'PO-B1'").get()).toEqual({ state: 'closed' });

    const atB = await round(b);
    expect(atB.desk.handled).toEqual({ done: 1, refused: 0 });
    expect(b.station.database.sqlite.prepare("SELECT state, customer_tenant_id AS customer FROM batches WHERE name = 'PO-B1'").get()).toEqual({ state: 'approved', customer: TENANT });
    expect(b.station.database.sqlite.prepare("SELECT count(*) AS n FROM uploads u JOIN batches b ON b.id = u.batch_id WHERE b.name = 'PO-B1'").get()).toEqual({ n: 1 });
    const audit = b.station.database.sqlite.prepare("SELECT operator_name AS who, result, detail FROM audit WHERE action = 'approval:approve' ORDER BY id DESC LIMIT 1").get() as { who: string; result: string; detail: string };
    expect(audit).toMatchObject({ who: 'Lena', result: 'ok' });
    expect(JSON.parse(audit.detail)).toMatchObject({ requestedBy: 'Lena', requestedAtStation: 'Dock 1', name: 'PO-B1', customerTenantId: TENANT });

    await round(a);
    const row = (await deskAtA()).batches.find((x) => x.batchName === 'PO-B1');
    expect(row).toMatchObject({ state: 'approved', request: { action: 'approve', outcome: 'done', reason: null, answeredAt: expect.any(Number) } });
    // Carried out once: B's next round has nothing to do.
    expect((await round(b)).desk.handled).toEqual({ done: 0, refused: 0 });
  });

  it('B refuses a batch with a box the hub gave to A, and A sees the reason', async () => {
    const shared = '3822222222221';
    const atA = value(await a.station.call('batches:create', { name: 'PO-A1' }, { sessionToken: leadAtA }));
    value(await a.station.call('scans:record', { batchId: atA.id, raw: shared, source: 'wedge', confirmPkid: true }, { sessionToken: leadAtA }));
    await round(a);
    // B has not pulled since: its own copy does not know the box, so the scan is accepted offline-style.
    await closedBatchAtB('PO-B2', [shared, '3822222222222']);
    const atB = await round(b);
    expect(atB.flagged).toHaveLength(1);
    const deskAtB = value(await b.station.call('fleet:batches', {}, { sessionToken: value(await b.station.call('session:signIn', ADMIN)).token }));
    expect(deskAtB.batches.find((x) => x.own && x.batchName === 'PO-B2')).toMatchObject({ stationName: 'Dock 3', heldElsewhere: 1 });
    await round(a);
    await requestAtA('PO-B2');
    expect((await round(b)).desk.handled).toEqual({ done: 0, refused: 1 });
    expect(b.station.database.sqlite.prepare("SELECT state FROM batches WHERE name = 'PO-B2'").get()).toEqual({ state: 'closed' });
    const denied = b.station.database.sqlite.prepare("SELECT operator_name AS who, result FROM audit WHERE action = 'approval:approve' ORDER BY id DESC LIMIT 1").get();
    expect(denied).toEqual({ who: 'Lena', result: 'denied' });
    await round(a);
    const row = (await deskAtA()).batches.find((x) => x.batchName === 'PO-B2');
    expect(row?.state).toBe('closed');
    expect(row?.request).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/1 line of batch PO-B2 is a box another dock scanned first/) });
  });

  it("B's two-person rule refuses a lead who scanned lines of the batch there", async () => {
    const lenaAtB = await b.tokenFor('lead', 'Lena');
    await closedBatchAtB('PO-B3', ['3833333333331'], lenaAtB);
    await round(b);
    await round(a);
    await requestAtA('PO-B3');
    await round(b);
    await round(a);
    const row = (await deskAtA()).batches.find((x) => x.batchName === 'PO-B3');
    expect(row?.request).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/Lena scanned lines of batch PO-B3: under the two-person rule/) });
  });

  it('A asks B to reopen a closed batch; B reopens it', async () => {
    await closedBatchAtB('PO-B4', ['3844444444441']);
    await round(b);
    await round(a);
    await requestAtA('PO-B4', 'reopen');
    expect((await round(b)).desk.handled).toEqual({ done: 1, refused: 0 });
    await round(a);
    expect((await deskAtA()).batches.find((x) => x.batchName === 'PO-B4')).toMatchObject({ state: 'open', request: { action: 'reopen', outcome: 'done' } });
  });

  it('a station that stopped after carrying a request out, before the hub heard the answer, sends the answer and never acts twice', async () => {
    await closedBatchAtB('PO-B5', ['3855555555551']);
    await round(b);
    await round(a);
    await requestAtA('PO-B5', 'reopen');
    expect((await round(b)).desk.handled).toEqual({ done: 1, refused: 0 });
    // The state a SIGKILL between the two leaves: done and recorded here, unanswered on the hub.
    const hubId = (b.station.database.sqlite.prepare("SELECT hub_id AS id FROM fleet_requests_in WHERE batch_name = 'PO-B5'").get() as { id: number }).id;
    b.station.database.sqlite.prepare('UPDATE fleet_requests_in SET reported_at = NULL WHERE hub_id = ?').run(hubId);
    const owner = await openHub({ url: urls.owner });
    try {
      await owner.pool.query('UPDATE batch_requests SET outcome = NULL, reason = NULL, answered_at = NULL WHERE id = $1', [hubId]);
    } finally {
      await owner.close();
    }
    // Closed again since: carrying the request out a second time would reopen it again.
    const id = (b.station.database.sqlite.prepare("SELECT id FROM batches WHERE name = 'PO-B5'").get() as { id: number }).id;
    value(await b.station.call('batches:close', { id }, { sessionToken: olgaAtB }));
    expect((await round(b)).desk.handled).toEqual({ done: 0, refused: 0 });
    expect(b.station.database.sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(id)).toEqual({ state: 'closed' });
    await round(a);
    expect((await deskAtA()).batches.find((x) => x.batchName === 'PO-B5')?.request).toMatchObject({ action: 'reopen', outcome: 'done' });
  });

  it('refuses a second request while the first waits, and a batch that is not closed', async () => {
    const open = await a.station.call('fleet:requestBatch', { stationName: 'Dock 3', batchName: 'PO-B4', action: 'approve', customerTenantId: TENANT }, { sessionToken: leadAtA });
    expect(open).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/batch PO-B4 at Dock 3 is open/) } });
    value(await a.station.call('fleet:requestBatch', { stationName: 'Dock 3', batchName: 'PO-B2', action: 'reopen' }, { sessionToken: leadAtA }));
    const twice = await a.station.call('fleet:requestBatch', { stationName: 'Dock 3', batchName: 'PO-B2', action: 'approve', customerTenantId: TENANT }, { sessionToken: leadAtA });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Lena already asked Dock 3 to reopen batch PO-B2: wait for its answer.' } });
    await a.station.fleet.settled();
    const operator = await a.tokenFor('operator', 'Otto');
    expect(await a.station.call('fleet:batches', {}, { sessionToken: operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a request resent after a lost answer is one request on the hub', async () => {
    const hub = await openHub({ url: urls.stations.dock_a ?? '', password: STATION_PASSWORD });
    try {
      const stationB = (await hub.pool.query<{ id: string }>("SELECT id FROM stations WHERE name = 'Dock 3'")).rows[0]?.id ?? '';
      const request = { seq: 9001, toStationId: stationB, batchName: 'PO-B9', action: 'reopen' as const, customerTenantId: null, requestedBy: 'Lena' };
      const first = await fileRequests(hub.db, a.station.identity.id, [request]);
      const again = await fileRequests(hub.db, a.station.identity.id, [request]);
      expect(again).toEqual(first);
      expect((await hub.pool.query("SELECT count(*)::int AS n FROM batch_requests WHERE from_seq = 9001")).rows).toEqual([{ n: 1 }]);
    } finally {
      await hub.close();
    }
  });

  it("finds B's box at A: which dock, batch, who and when; nothing on A itself", async () => {
    const found = value(await a.station.call('fleet:findBox', { query: '3811111111112' }, { sessionToken: leadAtA }));
    expect(found).toEqual({ matches: [{ pkid: '3811111111112', serial: null, manufacturer: null, model: null, stationName: 'Dock 3', batchName: 'PO-B1', operatorName: 'Olga', scannedAt: expect.any(Number) }], truncated: false });
    expect(value(await a.station.call('review:find', { query: '3811111111112' }, { sessionToken: leadAtA })).matches).toEqual([]);
    expect(value(await a.station.call('fleet:findBox', { query: '3899999999999' }, { sessionToken: leadAtA })).matches).toEqual([]);
  });

  it("gives the scan screen B's flagged line, with where the box was first scanned", async () => {
    const id = b.station.database.sqlite.prepare("SELECT d.id FROM devices d JOIN batches bt ON bt.id = d.batch_id WHERE bt.name = 'PO-B2' AND d.pkid = '3822222222221'").get() as { id: number };
    const flags = value(await b.station.call('fleet:lineFlags', { deviceIds: [id.id] }, { sessionToken: olgaAtB }));
    expect(flags).toEqual([{ deviceId: id.id, stationName: 'Dock 1', batchName: 'PO-A1', operatorName: 'Lena', scannedAt: expect.any(Number) }]);
  });
});
