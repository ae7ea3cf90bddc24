// A line whose identity a lead fixes in review, for real: two stations on their own SQLite files, a
// throwaway PostgreSQL hub with the README's roles. Dock 1 holds a serial + make + model; Dock 3 scans a
// box with the same tuple and loses it. Dock 1's lead corrects the serial: Dock 1 gives the old tuple
// back and claims the new one, and Dock 3's line claims the old one again and its flag clears.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lineFlags } from '../../../electron/core/fleet/lookups';
import type { TempStation } from '../../helpers/temp-station';
import { hubQuery, round, twoJoinedDocks, type TwoJoinedDocks } from './two-docks';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let docks: TwoJoinedDocks;
let a: TempStation;
let b: TempStation;

/** A PKID scanned by Olga into a fresh batch, then given a serial, make and model by the lead (review's fix). */
async function lineWithTuple(s: TempStation, batchName: string, pkid: string, serial: string): Promise<number> {
  const olga = { sessionToken: await s.tokenFor('operator', 'Olga') };
  const batch = await s.station.call('batches:create', { name: batchName }, olga);
  if (!batch.ok) throw new Error(batch.error.message);
  const scanned = await s.station.call('scans:record', { batchId: batch.value.id, raw: pkid, source: 'wedge', confirmPkid: true }, olga);
  if (!scanned.ok || scanned.value.verdict !== 'accepted') throw new Error(JSON.stringify(scanned));
  const { id } = s.station.database.sqlite.prepare('SELECT id FROM devices WHERE pkid = ?').get(pkid) as { id: number };
  await fix(s, id, { serial, manufacturer: 'Contoso', model: 'Laptop 7' });
  return id;
}

async function fix(s: TempStation, deviceId: number, values: { serial?: string; manufacturer?: string; model?: string }): Promise<void> {
  const lead = { sessionToken: await s.tokenFor('lead', 'Lena Lead') };
  const fixed = await s.station.call('review:fixDevice', { deviceId, ...values, reason: 'label misread' }, lead);
  if (!fixed.ok) throw new Error(fixed.error.message);
}

const heldTuples = () =>
  hubQuery<{ serial: string; station: string }>(
    docks.urls.owner,
    "SELECT i.serial, s.name AS station FROM identities i JOIN stations s ON s.id = i.station_id WHERE i.kind = 'tuple' AND i.released_at IS NULL ORDER BY i.serial",
  );

beforeAll(async () => {
  docks = await twoJoinedDocks();
  ({ a, b } = docks);
});

afterAll(() => docks?.cleanup());

describe('a line whose identity was fixed in review', () => {
  let lineA = 0;
  let lineB = 0;

  it('claims a serial + make + model given to a line after it was first pushed', async () => {
    const olga = { sessionToken: await a.tokenFor('operator', 'Olga') };
    const batch = await a.station.call('batches:create', { name: 'PO-A' }, olga);
    if (!batch.ok) throw new Error(batch.error.message);
    const scanned = await a.station.call('scans:record', { batchId: batch.value.id, raw: '3811111111111', source: 'wedge', confirmPkid: true }, olga);
    expect(scanned.ok && scanned.value.verdict).toBe('accepted');
    await round(a);
    lineA = (a.station.database.sqlite.prepare('SELECT id FROM devices WHERE pkid = ?').get('3811111111111') as { id: number }).id;
    await fix(a, lineA, { serial: 'SN-OLD', manufacturer: 'Contoso', model: 'Laptop 7' });
    await round(a);
    expect(await heldTuples()).toEqual([{ serial: 'SN-OLD', station: 'Dock 1' }]);
  });

  it("flags the other dock's line that repeats the tuple", async () => {
    await round(b);
    lineB = await lineWithTuple(b, 'PO-B', '3822222222222', 'SN-OLD');
    const r = await round(b);
    expect(r.flagged).toEqual([lineB]);
    expect([...lineFlags(b.station.database.db, [lineB]).keys()]).toEqual([lineB]);
  });

  it('gives the old tuple back and claims the new one; the dock that lost the old one gets it and its flag clears', async () => {
    await fix(a, lineA, { serial: 'SN-NEW' });
    const pushedA = await round(a);
    expect(pushedA.released).toBe(1);
    expect(pushedA.flagged).toEqual([]);
    const pulledB = await round(b);
    expect(pulledB.reclaimed).toEqual([lineB]);
    expect(pulledB.flagged).toEqual([]);
    expect(lineFlags(b.station.database.db, [lineB]).size).toBe(0);
    expect(await heldTuples()).toEqual([
      { serial: 'SN-NEW', station: 'Dock 1' },
      { serial: 'SN-OLD', station: 'Dock 3' },
    ]);
    // Nothing left over: the next rounds give back and claim nothing more.
    const again = await round(a);
    expect({ pushed: again.pushed, released: again.released }).toEqual({ pushed: 0, released: 0 });
  });

  it("a fix onto a value another dock holds is flagged at the dock that fixed it", async () => {
    await fix(a, lineA, { serial: 'SN-OLD' });
    const r = await round(a);
    expect(r.released).toBe(1);
    expect(r.flagged).toEqual([lineA]);
    expect(await heldTuples()).toEqual([{ serial: 'SN-OLD', station: 'Dock 3' }]);
  });
});
