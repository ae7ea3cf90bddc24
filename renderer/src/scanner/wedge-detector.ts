import { classifyRead } from '../../../shared/domain/barcode';
import type { Keystroke } from '../../../shared/domain/wedge/keystroke';
import { couldStillBeScan, DEFAULT_PACE, judgePace, median, paceFacts, STALL_FLOOR_MS, type PaceFacts, type PaceLimits, type PaceRejection } from '../../../shared/domain/wedge/pace';
import { readWithProfile, type ScannerProfile } from '../../../shared/domain/wedge/profile';
import { typedAsUs, usCharOf } from '../../../shared/domain/wedge/us-keys';
import { altCodeChar, meaningOf, type WedgeKeyEvent } from './wedge-keys';
import { resolveWedgeSettings, type WedgeSettings } from './wedge-settings';

// Pure state machine: keydowns in, completed bursts out. No DOM and no clock of its own: the caller
// passes event times and calls flush(now) from a timer so a burst with no Enter/Tab suffix still ends.

export type BurstTerminator = 'Enter' | 'Tab' | 'silence' | 'interrupted';

/** Why a burst is not a scan, as a code and its figures; renderer/src/i18n/wedge-text.ts says it. */
export type BurstRejection =
  | PaceRejection
  /** key: the key's own name (Backspace, Ctrl+a), '' when none was told. */
  | { readonly code: 'interrupted'; readonly key: string }
  | { readonly code: 'repeating' }
  | { readonly code: 'tooShort'; readonly length: number; readonly minLength: number }
  | { readonly code: 'slowNotShaped'; readonly paceMs: number }
  /** Joined on the scanner test page: one person's keys, each its own short burst (burst-view.ts). */
  | { readonly code: 'typedByPerson'; readonly keys: number; readonly gapMs: number };

export interface WedgeBurst {
  /** The characters, after Alt+numpad entry, Ctrl+], <GS>/{GS} spelling, digit recovery or a learned map. */
  readonly text: string;
  /** The characters exactly as the keys produced them. */
  readonly typed: string;
  /** Digits were taken from the physical keys because the layout turned them into other characters. */
  readonly recoveredFromCodes: boolean;
  /** Some key typed another character than a US layout types on it, and nothing (digit recovery, a
   * learned scanner) accounts for it: the text may be damaged (Y/Z, A/Q swapped, digits as symbols). */
  readonly layoutMismatch: boolean;
  /** The keys read as a US keyboard types them, when that differs from `text` (what a US-layout scanner meant). */
  readonly usReading?: string;
  /** The learned scanner profile that read this burst. */
  readonly profileId?: string;
  /** Characters at the start that a person typed just before the scan began (typing, then scanning):
   * not part of `text`, and theirs to keep in the field. */
  readonly leadingHuman: string;
  /** One per character, for learning a scanner. */
  readonly keys: readonly Keystroke[];
  /** ms between consecutive keystrokes (Alt+numpad digits included; modifiers and the suffix not). */
  readonly gaps: readonly number[];
  readonly meanGap: number;
  readonly maxGap: number;
  /** Gaps taken as a slow scanner's stalls. */
  readonly stalls: number;
  /** Mean gap with the stalls left out. */
  readonly paceMs: number;
  readonly terminator: BurstTerminator;
  readonly startTime: number;
  readonly endTime: number;
  readonly accepted: boolean;
  readonly rejection?: BurstRejection;
}

/** The burst still open: what a listener needs to decide, key by key, whether to hold keys back. */
export interface BurstProgress {
  readonly keystrokes: number;
  readonly meanGap: number;
  readonly maxGap: number;
  /** Timing so far is scanner-like; more keys could still end it as a scan. */
  readonly couldBeScan: boolean;
  /** Timing so far is a fast (USB) scanner's, beyond any typist: keys are worth holding back. */
  readonly fastSoFar: boolean;
  readonly startTime: number;
  readonly lastTime: number;
}

export interface WedgeDetector {
  readonly settings: WedgeSettings;
  /** Feeds one keydown; returns the bursts it completed (a silence before it, or its own Enter/Tab). */
  feed(event: WedgeKeyEvent): WedgeBurst[];
  /** Feeds one keyup: how long keys are held tells fingers from a scanner on the slow path. */
  release(event: { readonly code: string; readonly time: number }): void;
  /** Ends the open burst if `now` is at least silenceMs after its last key. */
  flush(now: number): WedgeBurst[];
  /** When flush() should next be called, or undefined with no burst open. */
  nextFlushAt(): number | undefined;
  progress(): BurstProgress | undefined;
  reset(): void;
}

interface CharRecord {
  readonly stroke: Keystroke;
  readonly codeDigit: string | undefined;
  readonly downTime: number;
  /** When its key came up, if that was seen while the burst was open. */
  upTime?: number;
}

interface OpenBurst {
  readonly chars: CharRecord[];
  readonly times: number[];
  altDigits: string;
  repeated: boolean;
}

const GS_SPELLINGS = /<GS>|\{GS\}/gi;
/** A person's key is held this long at least, and twice a scanner's. */
const FINGER_HOLD_MS = 30;

export interface DetectorOptions {
  /** Learned scanners, tried before the defaults (see shared/domain/wedge/profile.ts). */
  readonly profiles?: readonly ScannerProfile[];
}

function limitsOf(s: WedgeSettings): PaceLimits {
  return { ...DEFAULT_PACE, minLength: s.minLength, fastMeanMs: s.maxMeanGapMs, slowMeanMs: Math.max(s.slowMeanGapMs, s.maxMeanGapMs), maxGapMs: s.maxGapMs };
}

export function createWedgeDetector(partial: Partial<WedgeSettings> = {}, options: DetectorOptions = {}): WedgeDetector {
  const settings = resolveWedgeSettings(partial);
  const limits = limitsOf(settings);
  // A prefixed profile is tried first: its prefix proves which scanner sent the burst.
  const profiles = [...(options.profiles ?? [])].sort((a, b) => Number(b.prefix !== '') - Number(a.prefix !== ''));
  const allLimits = [limits, ...profiles.map((p) => p.pace)];
  let open: OpenBurst | undefined;

  const lastTime = (): number | undefined => open?.times[open.times.length - 1];

  function closeAlt(burst: OpenBurst): void {
    if (burst.altDigits === '') return;
    burst.chars.push({ stroke: { key: altCodeChar(burst.altDigits), code: 'Alt', shift: false, altGr: false, composed: 'alt-code' }, codeDigit: undefined, downTime: burst.times[burst.times.length - 1] ?? 0 });
    burst.altDigits = '';
  }

  function complete(terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst[] {
    const burst = open;
    open = undefined;
    if (burst === undefined) return [];
    closeAlt(burst);
    return [finishBurst(burst, { settings, limits, profiles }, terminator, endTime, interruptedBy)];
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
          const stroke: Keystroke = {
            key: meaning.char,
            code: event.code,
            shift: event.shiftKey === true,
            altGr: event.ctrlKey === true && event.altKey === true,
            ...(meaning.composed === undefined ? {} : { composed: meaning.composed }),
          };
          open.chars.push({ stroke, codeDigit: meaning.composed === undefined ? meaning.codeDigit : undefined, downTime: event.time });
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
    release({ code, time }) {
      const chars = open?.chars ?? [];
      for (let i = chars.length - 1; i >= 0; i--) {
        const c = chars[i];
        if (c === undefined || c.stroke.code !== code) continue;
        if (c.upTime === undefined) c.upTime = Math.max(c.downTime, time);
        return;
      }
    },
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
      const facts = paceFacts(gapsOf(open.times));
      return {
        keystrokes: open.times.length,
        meanGap: facts.meanGap,
        maxGap: facts.maxGap,
        couldBeScan: !open.repeated && allLimits.some((l) => couldStillBeScan(facts, l)),
        fastSoFar: !open.repeated && allLimits.some((l) => couldStillBeScan(facts, { ...l, slowMeanMs: l.fastMeanMs })),
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

interface Reading {
  readonly text: string;
  readonly recovered: boolean;
  readonly mismatch: boolean;
  readonly usReading: string | undefined;
}

// Digits are taken from the physical key only when EVERY typed character came from a digit key. A PKID or
// GTIN is all digits, so that case is repaired whatever the layout (AZERTY "&é\"'(", German "!\"§$%",
// "½"-style garbage). In a mixed payload a digit key may rightly type a symbol ("-" is Digit6 on
// AZERTY), and the letters of a mis-set scanner are damaged too (Q/A, Z/W, Y/Z) beyond what one read can
// tell; such a read is flagged (layoutMismatch) for the core to refuse, never repaired into a plausible
// wrong serial. The scanner test page learns the scanner's map, which reads it right.
function defaultReading(chars: readonly CharRecord[]): Reading {
  const typed = chars.map((c) => c.stroke.key).join('');
  const keyed = chars.filter((c) => c.stroke.composed === undefined);
  const allDigitKeys = keyed.length > 0 && keyed.every((c) => c.codeDigit !== undefined);
  const us = chars.map((c) => (c.stroke.composed !== undefined ? c.stroke.key : (usCharOf(c.stroke.code, c.stroke.shift) ?? c.stroke.key))).join('');
  const mismatch = keyed.some((c) => (c.codeDigit !== undefined ? c.stroke.key !== c.codeDigit : typedAsUs(c.stroke.key, c.stroke.code, c.stroke.shift) === false));
  if (allDigitKeys) {
    const text = chars.map((c) => (c.stroke.composed !== undefined ? c.stroke.key : (c.codeDigit ?? c.stroke.key))).join('');
    return { text, recovered: text !== typed, mismatch: false, usReading: undefined };
  }
  return { text: typed, recovered: false, mismatch, usReading: mismatch ? us.replace(GS_SPELLINGS, '\u001d') : undefined };
}

/** How much a text looks like something the station stores: PKID > retail > a maker's serial > any serial. */
function shapeRank(text: string): number {
  const read = classifyRead({ raw: text });
  // Several fields (GS-separated): a 2D or GS1 code, whatever its fields hold.
  if (text.includes('\u001d') && read.kind !== 'invalid') return Math.max(3, read.kind === 'pkid' ? 4 : 3);
  switch (read.kind) {
    case 'pkid':
    case 'pkid-unconfirmed':
      return 4;
    case 'gtin':
      return 3;
    case 'serial':
      return read.pattern === 'generic' ? 1 : 2;
    default:
      return 0;
  }
}

interface Judged {
  readonly reading: Reading;
  readonly profileId: string | undefined;
  readonly reason: BurstRejection | undefined;
}

interface DetectorConfig {
  readonly settings: WedgeSettings;
  readonly limits: PaceLimits;
  readonly profiles: readonly ScannerProfile[];
}

/** Median key hold over the median gap, when enough key-ups were seen to tell. */
function holdRatioOf(chars: readonly CharRecord[], facts: PaceFacts): number | undefined {
  const holds = chars.flatMap((c) => (c.upTime === undefined || c.stroke.composed !== undefined ? [] : [c.upTime - c.downTime]));
  if (holds.length < 3 || facts.paceMs <= 0) return undefined;
  return median(holds) / facts.paceMs;
}

function judge(chars: readonly CharRecord[], facts: PaceFacts, b: { repeated: boolean; terminator: BurstTerminator; interruptedBy: string | undefined }, config: DetectorConfig): Judged {
  const terminated = b.terminator === 'Enter' || b.terminator === 'Tab';
  const hold = holdRatioOf(chars, facts);
  const strokes = chars.map((c) => c.stroke);
  for (const profile of config.profiles) {
    const read = readWithProfile(strokes, profile);
    if (read === undefined) continue;
    const text = read.text.replace(GS_SPELLINGS, '\u001d');
    const reason = whyNotAScan(text, facts, b, profile.pace, terminated, hold);
    if (reason === undefined) return { reading: { text, recovered: false, mismatch: read.unmapped, usReading: undefined }, profileId: profile.id, reason };
  }
  const base = defaultReading(chars);
  const reading = { ...base, text: base.text.replace(GS_SPELLINGS, '\u001d') };
  return { reading, profileId: undefined, reason: whyNotAScan(reading.text, facts, b, config.limits, terminated, hold, reading.usReading) };
}

function whyNotAScan(
  text: string,
  facts: PaceFacts,
  b: { repeated: boolean; terminator: BurstTerminator; interruptedBy: string | undefined },
  limits: PaceLimits,
  terminated: boolean,
  holdRatio: number | undefined,
  usReading?: string,
): BurstRejection | undefined {
  if (b.terminator === 'interrupted') return { code: 'interrupted', key: b.interruptedBy ?? '' };
  if (b.repeated) return { code: 'repeating' };
  const length = [...text].length;
  if (length < limits.minLength) return { code: 'tooShort', length, minLength: limits.minLength };
  const pace = judgePace(facts, terminated, limits, holdRatio);
  if (!pace.ok) return pace.reason;
  // The slow path overlaps the fastest typists: there the payload must also look like a code.
  if (pace.path === 'slow' && shapeRank(text) === 0 && (usReading === undefined || shapeRank(usReading) === 0) && !text.includes('\u001d')) {
    return { code: 'slowNotShaped', paceMs: facts.paceMs };
  }
  return undefined;
}

/** Whether the keys before a pause were a person's: held like fingers, or typed at a person's pace. */
function humanLead(lead: readonly CharRecord[], leadTimes: readonly number[], rest: readonly CharRecord[], restFacts: PaceFacts, limits: PaceLimits): boolean {
  const holds = (cs: readonly CharRecord[]): number[] => cs.flatMap((c) => (c.upTime === undefined ? [] : [c.upTime - c.downTime]));
  const leadHold = holds(lead);
  const restHold = holds(rest);
  if (leadHold.length > 0 && restHold.length >= 3 && median(leadHold) >= FINGER_HOLD_MS && median(leadHold) >= 2 * median(restHold)) return true;
  const leadGaps = gapsOf(leadTimes);
  // Every gap slow, and more than one: a stall inside the lead is still a scanner's.
  return leadGaps.some((g) => g > limits.maxGapMs) || (leadGaps.length > 1 && Math.min(...leadGaps) > 2 * Math.max(restFacts.paceMs, 1));
}

function finishBurst(burst: OpenBurst, config: DetectorConfig, terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst {
  const shape = { repeated: burst.repeated, terminator, interruptedBy };
  const allFacts = paceFacts(gapsOf(burst.times));
  let best = { from: 0, facts: allFacts, judged: judge(burst.chars, allFacts, shape, config) };
  // Typing, then scanning: a person's keys just before a scan join its burst (the silence had not
  // passed). Each pause over STALL_FLOOR_MS may be where the scan began: the keys after it are a
  // candidate on their own. It wins over the whole burst when only it is a scan, when it reads as a
  // code the whole does not (a PKID rather than a letter + PKID), or when the keys before the pause
  // were plainly a person's (held like fingers, or slow). Otherwise the pause was a scanner's stall.
  const bestRank = (j: Judged): number => (j.reason === undefined ? shapeRank(j.reading.text) : -1);
  for (let i = 1; i < burst.times.length; i++) {
    const gap = (burst.times[i] ?? 0) - (burst.times[i - 1] ?? 0);
    if (gap <= STALL_FLOOR_MS) continue;
    const chars = burst.chars.slice(i);
    const facts = paceFacts(gapsOf(burst.times.slice(i)));
    const judged = judge(chars, facts, shape, config);
    if (judged.reason !== undefined) continue;
    const rank = bestRank(judged);
    const current = bestRank(best.judged);
    // The keys between the current choice's start and this pause: were those a person's?
    const lead = burst.chars.slice(best.from, i);
    // A serial shape proves little (a serial less its first character is often still one), so only a
    // code the whole is not (a PKID, a retail code, several fields) wins on shape alone.
    const betterCode = rank >= 3 && current < 3;
    // A long run of scanner-paced keys before the pause is the same scan cut by it, never a person's.
    const fewKeys = lead.length <= 2 && betterCode;
    if (fewKeys || humanLead(lead, burst.times.slice(best.from, i), chars, facts, config.limits)) best = { from: i, facts, judged };
  }
  const chars = burst.chars.slice(best.from);
  const times = burst.times.slice(best.from);
  const { facts } = best;
  const typed = chars.map((c) => c.stroke.key).join('');
  const { reading, profileId, reason } = best.judged;
  return {
    text: reading.text,
    typed,
    recoveredFromCodes: reading.recovered,
    layoutMismatch: reading.mismatch,
    ...(reading.usReading !== undefined && reading.usReading !== reading.text ? { usReading: reading.usReading } : {}),
    ...(profileId === undefined ? {} : { profileId }),
    leadingHuman: burst.chars.slice(0, best.from).map((c) => c.stroke.key).join(''),
    keys: chars.map((c) => c.stroke),
    gaps: facts.gaps,
    meanGap: facts.meanGap,
    maxGap: facts.maxGap,
    stalls: facts.stalls,
    paceMs: facts.paceMs,
    terminator,
    startTime: times[0] ?? endTime,
    endTime,
    accepted: reason === undefined,
    ...(reason === undefined ? {} : { rejection: reason }),
  };
}
