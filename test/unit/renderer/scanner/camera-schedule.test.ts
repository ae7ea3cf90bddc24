import { describe, expect, it } from 'vitest';
import { createViewSchedule, DEFAULT_CYCLE, MAX_REPEATS, type AttemptOutcome } from '../../../../renderer/src/scanner/camera-schedule';
import { CAMERA_VIEWS, type CameraView } from '../../../../renderer/src/scanner/camera-views';

// Runs the schedule for `outcomes.length` attempts, reporting each outcome, and lists the views.
function run(outcomes: readonly AttemptOutcome[], cycle?: readonly CameraView[]): CameraView[] {
  const schedule = createViewSchedule(cycle);
  return outcomes.map((outcome) => {
    const view = schedule.next();
    schedule.report(view, outcome);
    return view;
  });
}

describe('view schedule', () => {
  it('uses every view, and the aim box every other attempt', () => {
    const views = run(Array.from({ length: DEFAULT_CYCLE.length }, () => 'miss' as const));
    expect(new Set(views)).toEqual(new Set(CAMERA_VIEWS));
    views.forEach((view, i) => expect(view === 'aim').toBe(i % 2 === 0));
    // Plain zxing's own pass (the whole frame) comes at least every fourth attempt.
    const wholes = views.flatMap((view, i) => (view === 'whole' ? [i] : []));
    wholes.slice(1).forEach((at, i) => expect(at - (wholes[i] ?? 0)).toBeLessThanOrEqual(4));
  });

  it('cycles on after a full turn', () => {
    const n = DEFAULT_CYCLE.length;
    expect(run(Array.from({ length: 2 * n }, () => 'miss' as const))).toEqual([...DEFAULT_CYCLE, ...DEFAULT_CYCLE]);
  });

  it('looks again with the view that just read a value still waiting for its second read', () => {
    expect(run(['miss', 'pending', 'done', 'miss', 'miss'])).toEqual(['aim', 'whole', 'whole', 'aim', 'reduced']);
  });

  it('repeats a view at most MAX_REPEATS times, so one view cannot starve the others', () => {
    const views = run(['miss', 'pending', 'pending', 'pending', 'miss', 'miss']);
    expect(MAX_REPEATS).toBe(2);
    expect(views).toEqual(['aim', 'whole', 'whole', 'whole', 'aim', 'reduced']);
  });

  it('does not stay on a view whose read was suppressed or accepted', () => {
    expect(run(['done', 'done', 'done'])).toEqual(['aim', 'whole', 'aim']);
  });

  it('without an aim box uses the other views only, and refuses an empty cycle', () => {
    const cycle = DEFAULT_CYCLE.filter((view) => view !== 'aim');
    expect(run(['miss', 'miss', 'miss'], cycle)).toEqual(['whole', 'reduced', 'whole']);
    expect(() => createViewSchedule([])).toThrow(/at least one view/);
  });

  it('starts from the top after reset', () => {
    const schedule = createViewSchedule();
    schedule.report(schedule.next(), 'pending');
    schedule.reset();
    expect(schedule.next()).toBe('aim');
    expect(schedule.next()).toBe('whole');
  });
});
