// The station's batches on the hub, for real: two stations on their own SQLite files, a throwaway
// PostgreSQL hub with the README's roles. A round sends only the batches changed since the hub last
// took them: an idle round sends none (and the hub's rows are not rewritten), a new line or a closed
// batch arrives in the next round and the other dock's desk sees it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TempStation } from '../../helpers/temp-station';
import { hubQuery, round, twoJoinedDocks, type TwoJoinedDocks } from './two-docks';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let docks: TwoJoinedDocks;
let a: TempStation;
let b: TempStation;
let olga: { sessionToken: string };
let batchId = 0;

const hubBatches = () =>
  hubQuery<{ batch_name: string; state: string; devices: string; updated_at: Date }>(docks.urls.owner, 'SELECT batch_name, state, devices, updated_at FROM batch_states ORDER BY batch_name');

async function scan(pkid: string): Promise<void> {
  const scanned = await a.station.call('scans:record', { batchId, raw: pkid, source: 'wedge', confirmPkid: true }, olga);
  if (!scanned.ok || scanned.value.verdict !== 'accepted') throw new Error(JSON.stringify(scanned));
}

beforeAll(async () => {
  docks = await twoJoinedDocks(async (dock1) => {
    olga = { sessionToken: await dock1.tokenFor('operator', 'Olga') };
    // Batches made before the station joined go to the hub in its first round.
    const early = await dock1.station.call('batches:create', { name: 'PO-EARLY' }, olga);
    if (!early.ok) throw new Error(early.error.message);
  });
  ({ a, b } = docks);
});

afterAll(() => docks?.cleanup());

describe("the station's batches on the hub", () => {
  it('sends the batches made before joining in the first round', async () => {
    const created = await a.station.call('batches:create', { name: 'PO-A' }, olga);
    if (!created.ok) throw new Error(created.error.message);
    batchId = created.value.id;
    await scan('3833333333331');
    const first = await round(a);
    expect(first.batchesPushed).toBe(2);
    expect((await hubBatches()).map((r) => [r.batch_name, r.state, Number(r.devices)])).toEqual([
      ['PO-A', 'open', 1],
      ['PO-EARLY', 'open', 0],
    ]);
  });

  it('sends none in a round where nothing changed, and leaves the hub rows as they were', async () => {
    const before = await hubBatches();
    const idle = await round(a);
    expect(idle.batchesPushed).toBe(0);
    expect(await hubBatches()).toEqual(before);
  });

  it('sends only the changed batch: a new line, then the batch closed, and the other dock sees it', async () => {
    await scan('3833333333332');
    const next = await round(a);
    expect(next.batchesPushed).toBe(1);
    const closed = await a.station.call('batches:close', { id: batchId }, olga);
    if (!closed.ok) throw new Error(closed.error.message);
    expect((await round(a)).batchesPushed).toBe(1);
    const rows = await hubBatches();
    expect(rows.map((r) => [r.batch_name, r.state, Number(r.devices)])).toEqual([
      ['PO-A', 'closed', 2],
      ['PO-EARLY', 'open', 0],
    ]);
    await round(b);
    const desk = await b.station.fleet.status();
    expect(desk.otherBatches.find((o) => o.batchName === 'PO-A')).toMatchObject({ state: 'closed', devices: 2 });
  });
});
