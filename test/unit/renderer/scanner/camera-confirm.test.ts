import { describe, expect, it } from 'vitest';
import { createCameraConfirmer } from '../../../../renderer/src/scanner/camera-confirm';

// Feeds [value, at] reads and returns the decisions, so each case reads as a timeline.
function run(reads: ReadonlyArray<readonly [string, number]>, options?: Parameters<typeof createCameraConfirmer>[0]): string[] {
  const confirmer = createCameraConfirmer(options);
  return reads.map(([value, at]) => confirmer.read(value, at));
}

describe('camera confirmer', () => {
  it('accepts a value on the second agreeing read', () => {
    expect(run([['A', 0], ['A', 80]])).toEqual(['pending', 'accepted']);
  });

  it('does not accept a single read, however long ago', () => {
    expect(run([['A', 0]])).toEqual(['pending']);
  });

  it('starts over when a different value comes in between', () => {
    expect(run([['A', 0], ['B', 80], ['A', 160], ['A', 240]])).toEqual(['pending', 'pending', 'pending', 'accepted']);
  });

  it('tolerates missed frames between the two reads, within the confirm window', () => {
    // 400 ms of empty frames: still the same label in view.
    expect(run([['A', 0], ['A', 400]])).toEqual(['pending', 'accepted']);
  });

  it('does not pair reads further apart than the confirm window', () => {
    expect(run([['A', 0], ['A', 501], ['A', 560]])).toEqual(['pending', 'pending', 'accepted']);
    expect(run([['A', 0], ['A', 250]], { confirmWindowMs: 200 })).toEqual(['pending', 'pending']);
  });

  it('suppresses the accepted value while it stays in view, and never re-accepts it within 1.5 s', () => {
    const reads: Array<[string, number]> = [['A', 0], ['A', 80]];
    for (let at = 160; at <= 5000; at += 80) reads.push(['A', at]);
    const decisions = run(reads);
    expect(decisions.slice(0, 2)).toEqual(['pending', 'accepted']);
    expect(decisions.slice(2).every((d) => d === 'suppressed')).toBe(true);
  });

  it('accepts the same value again once it has been out of view for the repeat time', () => {
    expect(run([['A', 0], ['A', 80], ['A', 1579], ['A', 3080], ['A', 3160]])).toEqual([
      'pending',
      'accepted',
      'suppressed', // 1499 ms after the last sighting
      'pending', // 1501 ms unseen: a new scan, needing its own confirmation
      'accepted',
    ]);
  });

  it('honours a configured repeat time', () => {
    expect(run([['A', 0], ['A', 80], ['A', 400], ['A', 480]], { repeatMs: 300 })).toEqual(['pending', 'accepted', 'pending', 'accepted']);
  });

  it('never blocks a different value, even while another is suppressed', () => {
    expect(run([['A', 0], ['A', 80], ['B', 160], ['B', 240], ['A', 320]])).toEqual(['pending', 'accepted', 'pending', 'accepted', 'suppressed']);
  });

  it('a suppressed read in between breaks a pending pair', () => {
    expect(run([['A', 0], ['A', 80], ['B', 160], ['A', 240], ['B', 320], ['B', 400]])).toEqual([
      'pending',
      'accepted',
      'pending',
      'suppressed',
      'pending',
      'accepted',
    ]);
  });

  it('reset() forgets candidates and suppressions', () => {
    const confirmer = createCameraConfirmer();
    confirmer.read('A', 0);
    confirmer.read('A', 80);
    confirmer.reset();
    expect([confirmer.read('A', 160), confirmer.read('A', 240)]).toEqual(['pending', 'accepted']);
  });
});

describe('camera confirmer across views', () => {
  const runViews = (reads: ReadonlyArray<readonly [string, number, string]>): string[] => {
    const confirmer = createCameraConfirmer();
    return reads.map(([value, at, view]) => confirmer.read(value, at, view));
  };

  it('keeps one candidate per view, so alternating views each holding a different code both confirm', () => {
    expect(runViews([['PKID', 0, 'aim'], ['EAN', 80, 'whole'], ['PKID', 160, 'aim'], ['EAN', 240, 'whole']])).toEqual(['pending', 'pending', 'accepted', 'accepted']);
  });

  it('still breaks a pair when the same view reads something else in between', () => {
    expect(runViews([['A', 0, 'whole'], ['B', 80, 'whole'], ['A', 160, 'whole']])).toEqual(['pending', 'pending', 'pending']);
  });

  it('accepts two views agreeing, within the window only', () => {
    expect(runViews([['A', 0, 'whole'], ['A', 80, 'reduced']])).toEqual(['pending', 'accepted']);
    expect(runViews([['A', 0, 'whole'], ['A', 501, 'reduced']])).toEqual(['pending', 'pending']);
  });

  it('an accept removes that value from every view, and a stale candidate never pairs', () => {
    expect(runViews([['A', 0, 'whole'], ['A', 40, 'aim'], ['B', 60, 'reduced'], ['A', 2000, 'whole'], ['B', 2100, 'reduced']])).toEqual([
      'pending',
      'accepted',
      'pending',
      'pending', // 1.5 s unseen: a new scan of A, needing its own second read
      'pending', // B's candidate is 2 s old
    ]);
  });
});
