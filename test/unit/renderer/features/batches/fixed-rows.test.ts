import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, rowWindow, scrollTopFor } from '../../../../../renderer/src/features/batches/fixed-rows';

describe('rowWindow', () => {
  it('a list that fits is laid out at its true height, row i at i × height', () => {
    const w = rowWindow(100_000, 76, 600, 49_999 * 76, 10);
    expect(w.height).toBe(7_600_000);
    expect(w.ratio).toBe(1);
    expect(w.first).toBe(49_989);
    expect(w.last).toBe(50_016);
    expect(w.offsetOf(49_999)).toBe(49_999 * 76);
  });

  it('a million lines squeeze the scroller below the browser limit, and both ends and the middle are reachable', () => {
    const top = rowWindow(1_000_000, 76, 600, 0, 0);
    expect(top.height).toBe(MAX_SCROLL_PX);
    expect(top.first).toBe(0);
    expect(top.offsetOf(0)).toBe(0);
    const end = rowWindow(1_000_000, 76, 600, MAX_SCROLL_PX - 600, 0);
    expect(end.last).toBe(999_999);
    // The last row sits at the bottom of the view.
    expect(end.offsetOf(999_999) + 76).toBeCloseTo(MAX_SCROLL_PX, 6);
    const middle = rowWindow(1_000_000, 76, 600, (MAX_SCROLL_PX - 600) / 2, 0);
    expect(middle.first).toBeLessThanOrEqual(499_996);
    expect(middle.last).toBeGreaterThanOrEqual(500_003);
    // Rows next to each other stay one row apart on screen.
    expect(middle.offsetOf(middle.first + 1) - middle.offsetOf(middle.first)).toBe(76);
    // A scroll past the end (overscroll) shows the end, never rows beyond it.
    expect(rowWindow(1_000_000, 76, 600, MAX_SCROLL_PX * 2, 5).last).toBe(999_999);
  });

  it('scrollTopFor finds any row again in a squeezed list', () => {
    const w = rowWindow(1_000_000, 76, 600, 0, 0);
    const at = rowWindow(1_000_000, 76, 600, scrollTopFor(765_432 * 76, w), 0);
    expect(at.first).toBe(765_432);
  });

  it('no rows: nothing to draw', () => {
    const w = rowWindow(0, 76, 600, 0, 10);
    expect(w.height).toBe(0);
    expect(w.last).toBeLessThan(w.first);
  });
});
