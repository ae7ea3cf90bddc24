import { describe, expect, it } from 'vitest';
import { bundleFileName, stationSlug, supportDirFor } from '../../../../../electron/core/support/bundle-name';
import { verifyText } from '../../../../../electron/core/support/verify-text';

describe('support bundle names', () => {
  it('name the station and the UTC second, and say which attempt a same-second bundle is', () => {
    const at = Date.UTC(2026, 11, 5, 7, 4, 9, 512);
    expect(bundleFileName('dock-3', at)).toBe('dockside-support-dock-3-20261205T070409Z.zip');
    expect(bundleFileName('dock-3', at, 1)).toBe('dockside-support-dock-3-20261205T070409Z-2.zip');
    expect(supportDirFor('/data')).toMatch(/[/\\]data[/\\]support$/);
  });

  it('turn any station name into a safe file-name part', () => {
    expect(stationSlug('Dock 3 (Nürnberg)', 'abcdef12-0000')).toBe('dock-3-nurnberg');
    expect(stationSlug('../../etc/passwd', 'abcdef12-0000')).toBe('etc-passwd');
    expect(stationSlug('倉庫', 'abcdef12-0000')).toBe('station-abcdef12');
    expect(stationSlug('x'.repeat(80), 'id')).toHaveLength(40);
  });
});

describe('verify.txt', () => {
  it('says ok, or names what is wrong', () => {
    expect(verifyText({ ok: true, integrity: [], foreignKeys: [], audit: { ok: true, rows: 12, problem: null, rowId: null, unkeyedRows: 0, warnings: [] } })).toBe(
      "overall: ok\nintegrity_check: ok\nforeign_key_check: ok\naudit chain: ok (12 rows, sealed with the station's audit key and matching the head kept outside the database)\n",
    );
    expect(verifyText({ ok: false, integrity: ['page 4 is never used'], foreignKeys: [], audit: { ok: false, rows: 12, problem: 'hash mismatch', rowId: 7, unkeyedRows: 0, warnings: [] } })).toBe(
      'overall: PROBLEMS FOUND\nintegrity_check: page 4 is never used\nforeign_key_check: ok\naudit chain: hash mismatch (row 7)\n',
    );
    expect(verifyText({ ok: false, integrity: [], foreignKeys: [], audit: { ok: false, rows: 3, problem: null, rowId: null, unkeyedRows: 2, warnings: ['no key here'] } })).toMatch(
      /audit chain: not fully checked \(3 rows\): no key here; the first 2 were written before the chain was keyed/,
    );
  });
});
