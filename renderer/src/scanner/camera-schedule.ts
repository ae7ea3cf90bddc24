// Which view of the frame (camera-views) each decode attempt looks at. Pure.
//
// zxing decodes one view per attempt, and an attempt must stay a few ms on the renderer's main
// thread, so views take turns: the aim box every other attempt (what the operator is pointing at,
// and the only view that reads a code among close neighbours), and between them the whole frame
// (plain zxing's own pass: a code filling the frame), the frame shrunk with every row looked at
// (small, blurred, noisy or off-centre codes), inverted Code 128 and a quarter turn.
//
// Sticky on a fresh read: the two-agreeing-reads rule wants a second read of the same value, and a
// view that just read a value not yet accepted is the one most likely to read it again, so the next
// attempt repeats that view (up to MAX_REPEATS times in a row) before the turn moves on. A code only
// one view can read is then accepted one attempt after its first read, not a whole cycle later.
import type { CameraView } from './camera-views';

export const DEFAULT_CYCLE: readonly CameraView[] = ['aim', 'whole', 'aim', 'reduced', 'aim', 'whole', 'aim', 'inverted', 'aim', 'whole', 'aim', 'rotated'];
export const MAX_REPEATS = 2;

/** What the attempt in `view` gave: nothing, a value still waiting for its second read, or anything else. */
export type AttemptOutcome = 'miss' | 'pending' | 'done';

export interface ViewSchedule {
  next(): CameraView;
  report(view: CameraView, outcome: AttemptOutcome): void;
  reset(): void;
}

export function createViewSchedule(cycle: readonly CameraView[] = DEFAULT_CYCLE): ViewSchedule {
  if (cycle.length === 0) throw new Error('a view schedule needs at least one view');
  let position = 0;
  let repeat: CameraView | undefined;
  let repeats = 0;
  return {
    next() {
      if (repeat !== undefined) return repeat;
      const view = cycle[position % cycle.length] ?? 'whole';
      position = (position + 1) % cycle.length;
      return view;
    },
    report(view, outcome) {
      const repeating = repeat === view;
      if (outcome === 'pending' && (!repeating || repeats < MAX_REPEATS)) {
        repeats = repeating ? repeats + 1 : 1;
        repeat = view;
      } else {
        repeat = undefined;
        repeats = 0;
      }
    },
    reset() {
      position = 0;
      repeat = undefined;
      repeats = 0;
    },
  };
}
