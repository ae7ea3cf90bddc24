import { describe, expect, it } from 'vitest';
import { buckets, rangeFor } from '../../../../../renderer/src/features/reports/range';
import { niceTicks } from '../../../../../renderer/src/features/reports/chart-scale';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();

describe('report ranges (station time)', () => {
  it('this shift: 06-14, 14-22, and the night shift across midnight', () => {
    expect(rangeFor('shift', at(23, 9, 30))).toEqual({ from: at(23, 6), to: at(23, 14) });
    expect(rangeFor('shift', at(23, 14))).toEqual({ from: at(23, 14), to: at(23, 22) });
    expect(rangeFor('shift', at(23, 23, 10))).toEqual({ from: at(23, 22), to: at(24, 6) });
    expect(rangeFor('shift', at(24, 2))).toEqual({ from: at(23, 22), to: at(24, 6) });
  });

  it('today and the last 7 days end at the coming midnight', () => {
    expect(rangeFor('today', at(23, 9))).toEqual({ from: at(23, 0), to: at(24, 0) });
    expect(rangeFor('week', at(23, 9))).toEqual({ from: at(17, 0), to: at(24, 0) });
  });

  it('names every hour or day of a range, as reports:shift does', () => {
    expect(buckets(at(23, 6), at(23, 9), 'hour')).toEqual(['2026-11-23 06:00', '2026-11-23 07:00', '2026-11-23 08:00']);
    expect(buckets(at(21, 0), at(24, 0), 'day')).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('y-axis ticks are round and reach the top', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1234).at(-1)).toBeGreaterThanOrEqual(1234);
  });
});
