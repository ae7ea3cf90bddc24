// review:rows: any position of a batch's filtered list in one call, the same rows the keyset pages
// give, whatever the filters, with other batches' lines interleaved and lines removed along the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../../../../shared/contract';
import { reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation;
let otherBatch: number;
const ops: number[] = [];
type Query = Omit<ChannelInput<'review:rows'>, 'offset' | 'batchId' | 'limit'>;

beforeAll(async () => {
  t = await reviewStation('Big');
  otherBatch = (await t.must('batches:create', { name: 'Other' }, t.operator)).id;
  const sqlite = t.station.database.sqlite;
  for (const name of ['Olga', 'Liam']) ops.push((sqlite.prepare('SELECT id FROM operators WHERE name = ?').get(name) as { id: number }).id);
  const insert = sqlite.prepare(
    'INSERT INTO devices (batch_id, pkid, serial, manufacturer, raw, source, scanned_by, scanned_at, state, removed_at, removed_by, removed_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const states = ['scanned', 'scanned', 'queued', 'registered', 'failed'] as const;
  const sources = ['wedge', 'camera', 'import'] as const;
  sqlite.transaction(() => {
    for (let i = 0; i < 3_000; i++) {
      // Every 7th line belongs to another batch: this batch's ids are not contiguous.
      const batch = i % 7 === 3 ? otherBatch : t.batchId;
      const removed = i % 11 === 0;
      const pkid = String(3_000_000_000_000 + i);
      insert.run(batch, pkid, `SN${i}`, i % 2 ? 'LENOVO' : 'HP', pkid, sources[i % 3], ops[i % 5 === 0 ? 1 : 0], 1_700_000_000_000 + i, states[i % 5], removed ? 1_700_000_100_000 : null, removed ? ops[1] : null, removed ? 'wrong pallet' : null);
    }
  })();
});
afterAll(() => t.cleanup());

async function rowsAt(q: Query, offset: number, limit: number): Promise<ChannelOutput<'review:rows'>['rows']> {
  return (await t.must('review:rows', { batchId: t.batchId, ...q, offset, limit })).rows;
}

/** Every matching line by walking the keyset pages from the start (the reference). */
async function walked(q: Query): Promise<number[]> {
  const ids: number[] = [];
  let after = 0;
  for (;;) {
    const page = await t.must('review:devices', { batchId: t.batchId, ...q, after, limit: 1000 });
    ids.push(...page.rows.map((r) => r.id));
    if (page.nextAfter === null) return ids;
    after = page.nextAfter;
  }
}

describe('review:rows', () => {
  const queries: [string, () => Query][] = [
    ['every line', () => ({ state: 'all' })],
    ['live lines', () => ({ state: 'live' })],
    ['removed lines', () => ({ state: 'removed' })],
    ['failed lines', () => ({ state: 'failed' })],
    ['registered lines of one operator', () => ({ state: 'registered', operatorId: ops[0] })],
    ['all lines of the other operator, camera only', () => ({ state: 'all', operatorId: ops[1], source: 'camera' })],
    ['live imported lines', () => ({ source: 'import' })],
    ['a serial prefix', () => ({ state: 'all', search: 'SN12' })],
    ['part of the make', () => ({ search: 'nov' })],
  ];

  it.each(queries)('%s: the rows at any offset are the rows the keyset walk reaches there', async (_, query) => {
    const q = query();
    const all = await walked(q);
    expect(all.length).toBeGreaterThan(0);
    const total = (await t.must('review:devices', { batchId: t.batchId, ...q, limit: 1 })).totals.matching;
    expect(all.length).toBe(total);
    for (const offset of [0, 1, Math.floor(all.length / 2), all.length - 3, all.length - 1]) {
      const got = await rowsAt(q, Math.max(0, offset), 5);
      expect(got.map((r) => r.id)).toEqual(all.slice(Math.max(0, offset), Math.max(0, offset) + 5));
      expect(got.every((r) => r.batchId === t.batchId)).toBe(true);
    }
    expect(await rowsAt(q, all.length, 5)).toEqual([]);
    expect(await rowsAt(q, all.length + 1_000_000, 5)).toEqual([]);
  });

  it('a row read by position is the whole line, as review:devices gives it', async () => {
    const [byPosition] = await rowsAt({ state: 'removed' }, 2, 1);
    const viaKeyset = (await t.must('review:devices', { batchId: t.batchId, state: 'removed', limit: 3 })).rows[2];
    expect(byPosition).toEqual(viaKeyset);
    expect(byPosition).toMatchObject({ removed: true, removedBy: 'Liam', removedReason: 'wrong pallet', identity: { kind: 'pkid' } });
  });

  it('a line removed before the view moves the rows after it up by one', async () => {
    const before = await rowsAt({ state: 'live' }, 1_000, 3);
    const early = (await rowsAt({ state: 'live' }, 10, 1))[0];
    t.station.database.sqlite.prepare('UPDATE devices SET removed_at = 1, removed_by = ? WHERE id = ?').run(ops[1], early?.id);
    const after = await rowsAt({ state: 'live' }, 999, 3);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('refuses a negative or fractional offset, a page over the maximum and a batch that does not exist, saying so', async () => {
    for (const bad of [{ offset: -1 }, { offset: 1.5 }, { offset: 0, limit: 1001 }, { offset: '10' }]) {
      const r = await t.station.call('review:rows', { batchId: t.batchId, ...bad } as ChannelInput<'review:rows'>, { sessionToken: t.lead });
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
    }
    const missing = await t.station.call('review:rows', { batchId: 999_999, offset: 0 }, { sessionToken: t.lead });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no batch with id 999999.' } });
  });

  it('is for leads: an operator is refused', async () => {
    const r = await t.station.call('review:rows', { batchId: t.batchId, offset: 0 }, { sessionToken: t.operator });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });

  it('the position query walks a covering index in scan order (no sort, no table row per skipped line)', () => {
    const sqlite = t.station.database.sqlite;
    const plan = (where: string, index: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT d.id FROM devices d INDEXED BY ${index} WHERE d.batch_id = 1 ${where} ORDER BY d.id LIMIT 5 OFFSET 100`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan("AND d.removed_at IS NULL AND d.state = 'failed' AND d.scanned_by = 2 AND d.source = 'wedge'", 'devices_batch_order')).toMatch(/^SEARCH d USING COVERING INDEX devices_batch_order \(batch_id=\?\)$/);
    expect(plan('', 'devices_batch_order')).toMatch(/^SEARCH d USING COVERING INDEX devices_batch_order \(batch_id=\?\)$/);
    expect(plan('AND d.removed_at IS NULL', 'devices_batch_live')).toMatch(/^SEARCH d USING COVERING INDEX devices_batch_live \(batch_id=\? AND removed_at=\?\)$/);
  });
});
