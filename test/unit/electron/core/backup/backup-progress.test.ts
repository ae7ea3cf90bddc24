import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupProgressEvent } from '../../../../../shared/contract/backup';
import { backupProgressReporter, PROGRESS_EVERY_MS } from '../../../../../electron/core/backup/backup-progress';

/** A reporter on a hand-driven clock, collecting what it would emit. */
function reporter(everyMs?: number) {
  let now = 1_000;
  const events: BackupProgressEvent[] = [];
  const r = backupProgressReporter({ kind: 'on-demand', emit: (e) => events.push(e), everyMs, clock: () => now });
  return { r, events, advance: (ms: number) => (now += ms) };
}

describe('backupProgressReporter', () => {
  it('reports the start, the steps as pages copied, and the end with everything copied', () => {
    const { r, events, advance } = reporter();
    r.start(1000);
    advance(PROGRESS_EVERY_MS);
    r.step({ totalPages: 1024, remainingPages: 768 });
    advance(PROGRESS_EVERY_MS);
    r.step({ totalPages: 1024, remainingPages: 256 });
    r.end('ok', 1024);
    expect(events).toEqual([
      { running: true, kind: 'on-demand', copiedPages: 0, totalPages: 1000, outcome: null },
      { running: true, kind: 'on-demand', copiedPages: 256, totalPages: 1024, outcome: null },
      { running: true, kind: 'on-demand', copiedPages: 768, totalPages: 1024, outcome: null },
      { running: false, kind: 'on-demand', copiedPages: 1024, totalPages: 1024, outcome: 'ok' },
    ]);
  });

  it('thins out steps that come faster than every 200 ms, but always sends the end right away', () => {
    const { r, events, advance } = reporter();
    r.start(5000);
    // 30 steps of 100 pages, 10 ms apart: only the one at 200 ms is sent between the start and the end.
    for (let k = 1; k <= 30; k++) {
      advance(10);
      r.step({ totalPages: 5000, remainingPages: 5000 - 100 * k });
    }
    r.end('ok', 5000);
    expect(events.map((e) => [e.running, e.copiedPages])).toEqual([
      [true, 0],
      [true, 2000],
      [false, 5000],
    ]);
  });

  it('ends a failed backup where it stopped, saying it failed', () => {
    const { r, events, advance } = reporter();
    r.start(2048);
    advance(50);
    r.step({ totalPages: 2048, remainingPages: 1536 });
    r.end('failed');
    expect(events.at(-1)).toEqual({ running: false, kind: 'on-demand', copiedPages: 512, totalPages: 2048, outcome: 'failed' });
  });

  it('never sends two events while copying less than the interval apart, and the last says all was copied', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(400), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100_000 }), (gaps, total) => {
        let now = 0;
        const events: BackupProgressEvent[] = [];
        const r = backupProgressReporter({ kind: 'scheduled', emit: (e) => events.push(e), clock: () => now });
        const times: number[] = [];
        r.start(total);
        times.push(now);
        gaps.forEach((gap, i) => {
          now += gap;
          const before = events.length;
          r.step({ totalPages: total, remainingPages: Math.max(1, total - Math.round(((i + 1) * total) / (gaps.length + 1))) });
          if (events.length > before) times.push(now);
        });
        r.end('ok', total);
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(PROGRESS_EVERY_MS);
        const copied = events.map((e) => e.copiedPages);
        expect(copied).toEqual([...copied].sort((a, b) => a - b));
        expect(events.at(-1)).toEqual({ running: false, kind: 'scheduled', copiedPages: total, totalPages: total, outcome: 'ok' });
        expect(events.slice(0, -1).every((e) => e.running && e.outcome === null)).toBe(true);
      }),
    );
  });

  it('reports every step when the interval is 0', () => {
    const { r, events } = reporter(0);
    r.start(768);
    for (const remaining of [512, 256]) r.step({ totalPages: 768, remainingPages: remaining });
    r.end('ok', 768);
    expect(events.map((e) => e.copiedPages)).toEqual([0, 256, 512, 768]);
  });
});
