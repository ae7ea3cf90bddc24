// Telling a keyboard-wedge scanner from a person by the gaps between keys. Pure.
//
// A USB scanner types a key every 8–25 ms; Bluetooth and wireless ones 15–45 ms, with a stall or two
// of up to ~100 ms mid-burst while the radio catches up. A fast typist reaches 40–70 ms per key, so
// pace alone cannot separate a slow scanner from a typist near 40 ms. What still can:
//  - stalls are few and far above the burst's own pace; a person's slow keys are many and spread;
//  - a scanner's gaps (stalls aside) are even; a person's vary;
//  - a scanner ends with its suffix (Enter/Tab) and sends a whole code;
//  - a scanner releases each key at once; a person holds keys down for most of the gap, or rolls over.
// So a burst is a scan on the fast path (stalls aside, a mean gap at most fastMeanMs) or, only when it
// ends with Enter/Tab, on the slow path (mean at most slowMeanMs and even gaps). The caller adds the
// payload-shape check for the slow path (see wedge-detector).

export interface PaceLimits {
  /** Fewest characters a scan has. */
  readonly minLength: number;
  /** Fast path: largest mean gap (stalls left out), ms. */
  readonly fastMeanMs: number;
  /** Slow path (terminated bursts only): largest mean gap (stalls left out), ms. */
  readonly slowMeanMs: number;
  /** Largest single gap of a scan (a stall), ms. */
  readonly maxGapMs: number;
  /** Most stalls a scan may hold. */
  readonly maxStalls: number;
  /** Slow path: largest coefficient of variation of the gaps (stalls left out). */
  readonly maxSpread: number;
}

export const DEFAULT_PACE: PaceLimits = Object.freeze({ minLength: 6, fastMeanMs: 35, slowMeanMs: 45, maxGapMs: 100, maxStalls: 2, maxSpread: 0.5 });

/** Below this a gap is never a stall, whatever the pace (a 45 ms scanner jitters up to ~60). */
export const STALL_FLOOR_MS = 60;
/** Slow path: a key held down this share of the gap to the next key (median) is a finger, not a scanner,
 * which sends each key's release in the report after its press. Judged only when key-ups were seen. */
export const MAX_HOLD_RATIO = 0.75;
/** A stall stands out from the burst's own pace: a person's slow keys are spread, not 1.6x the median. */
export const STALL_FACTOR = 1.6;

export interface PaceFacts {
  readonly gaps: readonly number[];
  readonly meanGap: number;
  readonly maxGap: number;
  /** Gaps taken as stalls: over STALL_FLOOR_MS and over STALL_FACTOR times the median gap. */
  readonly stalls: number;
  /** Mean of the gaps that are not stalls. */
  readonly paceMs: number;
  /** Coefficient of variation of the gaps that are not stalls (0 = perfectly even). */
  readonly spread: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function paceFacts(gaps: readonly number[]): PaceFacts {
  if (gaps.length === 0) return { gaps, meanGap: 0, maxGap: 0, stalls: 0, paceMs: 0, spread: 0 };
  const floor = Math.max(STALL_FLOOR_MS, STALL_FACTOR * median(gaps));
  const steady = gaps.filter((g) => g <= floor);
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const paceMs = mean(steady);
  const sd = Math.sqrt(mean(steady.map((g) => (g - paceMs) ** 2)));
  return { gaps, meanGap: mean(gaps), maxGap: Math.max(...gaps), stalls: gaps.length - steady.length, paceMs, spread: paceMs > 0 ? sd / paceMs : 0 };
}

/** Why gaps are not a scanner's, as a code and its figures (ms, or a percentage): the renderer's
 * catalogs say it (scannerTest.rejection.<code>), so no English leaves this file. */
export type PaceRejection =
  | { readonly code: 'pause'; readonly gapMs: number; readonly maxGapMs: number }
  | { readonly code: 'stalls'; readonly stalls: number; readonly keys: number }
  | { readonly code: 'tooSlow'; readonly paceMs: number; readonly slowMeanMs: number }
  | { readonly code: 'slowNoSuffix'; readonly paceMs: number; readonly fastMeanMs: number }
  | { readonly code: 'slowUneven'; readonly paceMs: number; readonly spreadPercent: number }
  | { readonly code: 'slowHeld'; readonly paceMs: number; readonly holdPercent: number };

export type PaceVerdict = { readonly ok: true; readonly path: 'fast' | 'slow' } | { readonly ok: false; readonly reason: PaceRejection };

/** Whether these gaps (of a burst of `length` characters) can be a scanner's. `terminated`: it ended
 * with Enter or Tab (the slow path needs that). Length and payload are judged by the caller. */
export function judgePace(facts: PaceFacts, terminated: boolean, limits: PaceLimits, holdRatio?: number): PaceVerdict {
  const no = (reason: PaceRejection): PaceVerdict => ({ ok: false, reason });
  if (facts.maxGap > limits.maxGapMs) return no({ code: 'pause', gapMs: facts.maxGap, maxGapMs: limits.maxGapMs });
  // Stalls are rare: never more than one gap in three.
  const allowed = Math.min(limits.maxStalls, Math.max(1, Math.floor(facts.gaps.length / 3)));
  if (facts.stalls > allowed) return no({ code: 'stalls', stalls: facts.stalls, keys: facts.gaps.length + 1 });
  if (facts.paceMs <= limits.fastMeanMs) return { ok: true, path: 'fast' };
  const paceMs = facts.paceMs;
  if (paceMs > limits.slowMeanMs) return no({ code: 'tooSlow', paceMs, slowMeanMs: limits.slowMeanMs });
  if (!terminated) return no({ code: 'slowNoSuffix', paceMs, fastMeanMs: limits.fastMeanMs });
  if (facts.spread > limits.maxSpread) return no({ code: 'slowUneven', paceMs, spreadPercent: Math.round(facts.spread * 100) });
  if (holdRatio !== undefined && holdRatio >= MAX_HOLD_RATIO) return no({ code: 'slowHeld', paceMs, holdPercent: Math.round(holdRatio * 100) });
  return { ok: true, path: 'slow' };
}

/** While a burst is still open: could more keys still make it a scan? (Stall count is judged at the end.) */
export function couldStillBeScan(facts: PaceFacts, limits: PaceLimits): boolean {
  if (facts.gaps.length < 2) return facts.maxGap <= limits.maxGapMs;
  return facts.maxGap <= limits.maxGapMs && facts.stalls <= limits.maxStalls && facts.paceMs <= limits.slowMeanMs;
}
