import { altCodeChar, meaningOf, type WedgeKeyEvent } from './wedge-keys';
import { resolveWedgeSettings, type WedgeSettings } from './wedge-settings';

// Pure state machine: keydowns in, completed bursts out. No DOM and no clock of its own: the caller
// passes event times and calls flush(now) from a timer so a burst with no Enter/Tab suffix still ends.

export type BurstTerminator = 'Enter' | 'Tab' | 'silence' | 'interrupted';

export interface WedgeBurst {
  /** The characters, after Alt+numpad entry, <GS>/{GS} spelling and digit recovery. */
  readonly text: string;
  /** The characters exactly as the keys produced them. */
  readonly typed: string;
  /** Digits were taken from the physical keys because the layout turned them into other characters. */
  readonly recoveredFromCodes: boolean;
  /** Some digit key produced a non-digit: the scanner's layout differs from the PC's. */
  readonly layoutMismatch: boolean;
  /** ms between consecutive keystrokes (Alt+numpad digits included; modifiers and the suffix not). */
  readonly gaps: readonly number[];
  readonly meanGap: number;
  readonly maxGap: number;
  readonly terminator: BurstTerminator;
  readonly startTime: number;
  readonly endTime: number;
  readonly accepted: boolean;
  readonly rejectReason?: string;
}

/** The burst still open: what a listener needs to decide, key by key, whether to hold keys back. */
export interface BurstProgress {
  readonly keystrokes: number;
  readonly meanGap: number;
  readonly maxGap: number;
  /** Timing so far is scanner-like; more keys could still end it as a scan. */
  readonly couldBeScan: boolean;
  readonly startTime: number;
  readonly lastTime: number;
}

export interface WedgeDetector {
  readonly settings: WedgeSettings;
  /** Feeds one keydown; returns the bursts it completed (a silence before it, or its own Enter/Tab). */
  feed(event: WedgeKeyEvent): WedgeBurst[];
  /** Ends the open burst if `now` is at least silenceMs after its last key. */
  flush(now: number): WedgeBurst[];
  /** When flush() should next be called, or undefined with no burst open. */
  nextFlushAt(): number | undefined;
  progress(): BurstProgress | undefined;
  reset(): void;
}

interface CharRecord {
  readonly char: string;
  readonly codeDigit: string | undefined;
  /** Made by Alt+numpad entry: no layout involved, so never "recovered". */
  readonly composed: boolean;
}

interface OpenBurst {
  readonly chars: CharRecord[];
  readonly times: number[];
  altDigits: string;
  repeated: boolean;
}

const GS_SPELLINGS = /<GS>|\{GS\}/gi;

export function createWedgeDetector(partial: Partial<WedgeSettings> = {}): WedgeDetector {
  const settings = resolveWedgeSettings(partial);
  let open: OpenBurst | undefined;

  const lastTime = (): number | undefined => open?.times[open.times.length - 1];

  function closeAlt(burst: OpenBurst): void {
    if (burst.altDigits === '') return;
    burst.chars.push({ char: altCodeChar(burst.altDigits), codeDigit: undefined, composed: true });
    burst.altDigits = '';
  }

  function complete(terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst[] {
    const burst = open;
    open = undefined;
    if (burst === undefined) return [];
    closeAlt(burst);
    return [finishBurst(burst, settings, terminator, endTime, interruptedBy)];
  }

  function feed(event: WedgeKeyEvent): WedgeBurst[] {
    const meaning = meaningOf(event);
    if (meaning.type === 'modifier') return [];
    const done: WedgeBurst[] = [];
    const last = lastTime();
    if (last !== undefined && event.time - last >= settings.silenceMs) done.push(...complete('silence', last + settings.silenceMs));
    switch (meaning.type) {
      case 'terminator':
        done.push(...complete(meaning.terminator, event.time));
        return done;
      case 'other':
        done.push(...complete('interrupted', event.time, meaning.name));
        return done;
      case 'alt-digit':
      case 'char': {
        open ??= { chars: [], times: [], altDigits: '', repeated: false };
        if (meaning.type === 'alt-digit') {
          open.altDigits += meaning.digit;
        } else {
          closeAlt(open);
          open.chars.push({ char: meaning.char, codeDigit: meaning.codeDigit, composed: false });
        }
        open.times.push(event.time);
        if (event.repeat === true) open.repeated = true;
        return done;
      }
    }
  }

  return {
    settings,
    feed,
    flush(now) {
      const last = lastTime();
      if (last === undefined || now - last < settings.silenceMs) return [];
      return complete('silence', last + settings.silenceMs);
    },
    nextFlushAt() {
      const last = lastTime();
      return last === undefined ? undefined : last + settings.silenceMs;
    },
    progress() {
      if (open === undefined) return undefined;
      const gaps = gapsOf(open.times);
      const { mean, max } = stats(gaps);
      return {
        keystrokes: open.times.length,
        meanGap: mean,
        maxGap: max,
        couldBeScan: !open.repeated && max <= settings.maxGapMs && mean <= settings.maxMeanGapMs,
        startTime: open.times[0] ?? 0,
        lastTime: lastTime() ?? 0,
      };
    },
    reset() {
      open = undefined;
    },
  };
}

function gapsOf(times: readonly number[]): number[] {
  // Clamped: events from a busy main thread or a coarse clock can carry equal or out-of-order times.
  return times.slice(1).map((t, i) => Math.max(0, t - (times[i] ?? t)));
}

function stats(gaps: readonly number[]): { mean: number; max: number } {
  if (gaps.length === 0) return { mean: 0, max: 0 };
  return { mean: gaps.reduce((a, b) => a + b, 0) / gaps.length, max: Math.max(...gaps) };
}

// Digits are taken from the physical key only when EVERY typed character came from a digit key. A PKID or
// GTIN is all digits, so that case is repaired whatever the layout (AZERTY "&é\"'(", German "!\"§$%",
// "½"-style garbage). In a mixed payload a digit key may rightly type a symbol ("-" is Digit6 on
// AZERTY), and the letters of a mis-set scanner are damaged too (Q/A, Z/W, Y/Z) beyond what the code can
// tell; repairing only the digits there would turn a visibly broken serial into a plausible wrong one.
function recoverDigits(chars: readonly CharRecord[]): { text: string; recovered: boolean; mismatch: boolean } {
  const typed = chars.map((c) => c.char).join('');
  const keyed = chars.filter((c) => !c.composed);
  const mismatch = keyed.some((c) => c.codeDigit !== undefined && c.char !== c.codeDigit);
  const allDigitKeys = keyed.length > 0 && keyed.every((c) => c.codeDigit !== undefined);
  if (!allDigitKeys) return { text: typed, recovered: false, mismatch };
  const text = chars.map((c) => (c.composed ? c.char : (c.codeDigit ?? c.char))).join('');
  return { text, recovered: text !== typed, mismatch };
}

function finishBurst(burst: OpenBurst, settings: WedgeSettings, terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst {
  const typed = burst.chars.map((c) => c.char).join('');
  const { text: recoveredText, recovered, mismatch } = recoverDigits(burst.chars);
  const text = recoveredText.replace(GS_SPELLINGS, '\u001d');
  const gaps = gapsOf(burst.times);
  const { mean, max } = stats(gaps);
  const rejectReason = whyNotAScan({ length: [...text].length, mean, max, repeated: burst.repeated, terminator, interruptedBy }, settings);
  return {
    text,
    typed,
    recoveredFromCodes: recovered,
    layoutMismatch: mismatch,
    gaps,
    meanGap: mean,
    maxGap: max,
    terminator,
    startTime: burst.times[0] ?? endTime,
    endTime,
    accepted: rejectReason === undefined,
    ...(rejectReason === undefined ? {} : { rejectReason }),
  };
}

interface BurstShape {
  readonly length: number;
  readonly mean: number;
  readonly max: number;
  readonly repeated: boolean;
  readonly terminator: BurstTerminator;
  readonly interruptedBy: string | undefined;
}

function whyNotAScan(b: BurstShape, s: WedgeSettings): string | undefined {
  const ms = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(1)} ms`;
  if (b.terminator === 'interrupted') return `ended by the ${b.interruptedBy ?? 'other'} key, not by Enter, Tab or a pause`;
  if (b.repeated) return 'a held-down key repeating, not a scan';
  if (b.length < s.minLength) return `too short: ${b.length} character${b.length === 1 ? '' : 's'} (a scan has at least ${s.minLength})`;
  if (b.max > s.maxGapMs) return `a pause of ${ms(b.max)} between two keys (a scanner pauses at most ${ms(s.maxGapMs)})`;
  if (b.mean > s.maxMeanGapMs) return `too slow for a scanner: ${ms(b.mean)} per key on average (a scanner takes at most ${ms(s.maxMeanGapMs)})`;
  return undefined;
}
