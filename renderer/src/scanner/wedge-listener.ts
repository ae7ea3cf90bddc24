import { createWedgeDetector, type WedgeBurst } from './wedge-detector';
import { meaningOf } from './wedge-keys';
import type { ScannerProfile } from '../../../shared/domain/wedge/profile';
import type { WedgeSettings } from './wedge-settings';
import { asTextField, insertText, removeLeakedText, snapshotField, type FieldSnapshot, type TextField } from './text-field';

// DOM binding of the wedge detector: one capture-phase keydown listener on window.
//
// How a scan is kept out of a focused field that did not opt in (no [data-scan-target] on it or above):
// a keydown's default action (typing) happens right after the listeners run, so a key can only be
// stopped while its own keydown is dispatched, before anyone knows whether a scan follows.
//  - The first HOLD_AFTER_KEYSTROKES - 1 keys of a burst are let through: no timing evidence yet, and
//    holding every key would delay all human typing.
//  - From then on, while the timing is still a fast (USB) scanner's, each key is held: preventDefault
//    (no character), stopPropagation (app handlers do not see it). Slower bursts (a Bluetooth scanner
//    or a fast typist: the two overlap) are never held; their keys reach the field and come back out
//    if the burst proves a scan, so a typist never waits for a character.
//  - The burst ends as a scan: its Enter/Tab suffix is held too (no form submit, no focus move), and the
//    keys that got through are taken back out of the field, but only if the field holds exactly what those
//    keys typed (see removeLeakedText), so a field someone else changed is never clobbered.
//  - The burst turns out human (a slow gap, a repeat, Backspace, too short): the held keys are typed
//    into the field at once, before the key that revealed it, so order is kept and nothing is lost.
//    A fast typist may see a character appear up to silenceMs late; no character is dropped.
// A field that opted in gets the keys natively, and onScan still reports the burst with optedIn: true.
// Real browsers do all of this in Chromium; jsdom tests emulate the default action (see the dom tests),
// and the Playwright e2e test drives it with real key events.

/** Three keys with two fast gaps: a typist rarely averages under 35 ms over two gaps, a scanner always does. */
const HOLD_AFTER_KEYSTROKES = 3;

export interface ScanContext {
  /** Element focused when the burst began (document.body when nothing is). */
  readonly target: Element | null;
  /** The target or an ancestor has data-scan-target: the field received the keys itself. */
  readonly optedIn: boolean;
  /** What became of characters that reached a non-opted field before the scan was recognised. */
  readonly leaked: 'none' | 'removed' | 'left';
}

export interface WedgeListenerOptions {
  readonly onScan: (burst: WedgeBurst, context: ScanContext) => void;
  /** Every completed burst, rejected ones included (the scanner test page). */
  readonly onBurst?: (burst: WedgeBurst) => void;
  readonly settings?: Partial<WedgeSettings>;
  /** Learned scanners (Settings > Scanner test). */
  readonly profiles?: readonly ScannerProfile[];
  readonly window?: Window;
  /** Clock for the silence timer; must share an origin with timeOf (default performance.now). */
  readonly now?: () => number;
  /** Time of a key; default the event's timeStamp, so a busy main thread that delivers queued keys
   * together does not make human typing look fast. */
  readonly timeOf?: (event: KeyboardEvent) => number;
}

interface BurstDom {
  readonly target: Element | null;
  readonly optedIn: boolean;
  readonly field: TextField | undefined;
  readonly snapshot: FieldSnapshot | undefined;
  /** Characters the field received (natively or put back), in order. */
  leaked: string;
  held: string;
  released: boolean;
}

/** Starts listening; returns the function that stops it. */
export function listenForWedgeScans(options: WedgeListenerOptions): () => void {
  const win = options.window ?? window;
  const detector = createWedgeDetector(options.settings, { profiles: options.profiles ?? [] });
  const now = options.now ?? (() => win.performance.now());
  const timeOf = options.timeOf ?? ((e: KeyboardEvent) => (e.timeStamp > 0 ? e.timeStamp : now()));
  let dom: BurstDom | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function release(state: BurstDom): void {
    if (state.held !== '' && state.field !== undefined) {
      insertText(state.field, state.held);
      state.leaked += state.held;
    }
    state.held = '';
    state.released = true;
  }

  function settle(bursts: readonly WedgeBurst[]): void {
    for (const burst of bursts) {
      const state = dom;
      dom = undefined;
      options.onBurst?.(burst);
      if (state === undefined) continue;
      if (!burst.accepted) {
        release(state);
        continue;
      }
      // Typing, then scanning: the person's own keys before the scan stay in the field; only the scan's go.
      let leaked: ScanContext['leaked'] = 'none';
      if (!state.optedIn && state.leaked !== '') {
        leaked = state.field !== undefined && state.snapshot !== undefined && removeLeakedText(state.field, state.snapshot, state.leaked, burst.leadingHuman) ? 'removed' : 'left';
      }
      options.onScan(burst, { target: state.target, optedIn: state.optedIn, leaked });
    }
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const at = detector.nextFlushAt();
    if (at === undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      settle(detector.flush(now()));
      schedule();
    }, Math.max(0, at - now()) + 1);
  }

  function onKeyDown(event: KeyboardEvent): void {
    // An IME is composing: its keys are not ours to judge.
    if (event.isComposing || event.key === 'Process') return;
    const key = { key: event.key, code: event.code, time: timeOf(event), altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, repeat: event.repeat };
    const meaning = meaningOf(key);
    const completed = detector.feed(key);
    const terminator = meaning.type === 'terminator' ? meaning.terminator : undefined;
    const suffixOfScan = terminator !== undefined && completed.some((b) => b.accepted && b.terminator === terminator);
    const optedInSuffix = dom?.optedIn === true;
    settle(completed);
    if (suffixOfScan && !optedInSuffix) {
      event.preventDefault();
      event.stopPropagation();
    }
    const progress = detector.progress();
    if (progress !== undefined && (meaning.type === 'char' || meaning.type === 'alt-digit')) {
      dom ??= startBurst(event.target);
      const typedChar = [...event.key].length === 1 && meaning.type === 'char' ? event.key : '';
      if (dom.optedIn) {
        // the field types it natively
      } else if (!dom.released && progress.fastSoFar && progress.keystrokes >= HOLD_AFTER_KEYSTROKES) {
        // Alt+numpad entry is typed by the OS when Alt is released, not by this keydown; a GS control
        // character is not inserted into text fields anyway.
        event.preventDefault();
        event.stopPropagation();
        dom.held += typedChar;
      } else {
        // Slower than a USB scanner (a Bluetooth one, or a fast typist): the keys go to the field as
        // typed, never held up, and come back out if the burst proves a scan.
        if (!progress.fastSoFar) release(dom);
        if (dom.field !== undefined) dom.leaked += typedChar;
      }
    }
    schedule();
  }

  function startBurst(target: EventTarget | null): BurstDom {
    const element = target instanceof Element ? target : null;
    const field = asTextField(target);
    return {
      target: element,
      optedIn: element?.closest('[data-scan-target]') != null,
      field,
      snapshot: field === undefined ? undefined : snapshotField(field),
      leaked: '',
      held: '',
      released: false,
    };
  }

  function onKeyUp(event: KeyboardEvent): void {
    detector.release({ code: event.code, time: timeOf(event) });
  }

  win.addEventListener('keydown', onKeyDown, { capture: true });
  win.addEventListener('keyup', onKeyUp, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    win.removeEventListener('keyup', onKeyUp, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // Keys held for a burst that will now never finish go back where they were headed.
    if (dom !== undefined) release(dom);
    dom = undefined;
    detector.reset();
  };
}
