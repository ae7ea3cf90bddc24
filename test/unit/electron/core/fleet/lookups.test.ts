import { describe, expect, it } from 'vitest';
import { describeFirstScan } from '../../../../../electron/core/fleet/lookups';

describe('describeFirstScan', () => {
  const first = { stationName: 'Dock 3', batchName: 'X', operatorName: 'Olga', scannedAt: new Date(2026, 11, 7, 7, 42).getTime() };

  it('says where, which batch, who and when, in the station\'s local time', () => {
    expect(describeFirstScan(first, new Date(2026, 11, 7, 9, 0).getTime())).toBe('first scanned at Dock 3, batch X, by Olga at 07:42');
  });

  it('adds the date when the first scan was on another day', () => {
    expect(describeFirstScan(first, new Date(2026, 11, 8, 6, 0).getTime())).toBe('first scanned at Dock 3, batch X, by Olga at 2026-12-07 07:42');
  });
});
