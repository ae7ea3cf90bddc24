import { classifyRead } from '../../../shared/domain/barcode';
import type { Keystroke } from '../../../shared/domain/wedge/keystroke';
import { couldStillBeScan, DEFAULT_PACE, judgePace, paceFacts, STALL_FLOOR_MS, type PaceFacts, type PaceLimits } from '../../../shared/domain/wedge/pace';
import { readWithProfile, type ScannerProfile } from '../../../shared/domain/wedge/profile';
import { typedAsUs, usCharOf } from '../../../shared/domain/wedge/us-keys';
import { altCodeChar, meaningOf, type WedgeKeyEvent } from './wedge-keys';
import { resolveWedgeSettings, type WedgeSettings } from './wedge-settings';

// Pure state machine: keydowns in, completed bursts out. No DOM and no clock of its own: the caller
// passes event times and calls flush(now) from a timer so a burst with no Enter/Tab suffix still ends.

export type BurstTerminator = 'Enter' | 'Tab' | 'silence' | 'interrupted';

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
  /** Characters at the start that had been split off by a pause (their own burst, already typed
   * into the field) and proved to be this scan's first keys after a stall. */
  readonly joinedPrefix: number;
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
  readonly rejectReason?: string;
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
}

interface OpenBurst {
  readonly chars: CharRecord[];
  readonly times: number[];
  altDigits: string;
  repeated: boolean;
}

const GS_SPELLINGS = /<GS>|\{GS\}/gi;
/** Keys typed just before a scan, split off by a pause: up to this many may still prove to be its start. */
const MERGEABLE_PREFIX = 2;

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
  /** The few keys split off just before the open burst, in case they were its first keys after all. */
  let splitOff: { readonly chars: readonly CharRecord[]; readonly times: readonly number[] } | undefined;

  const lastTime = (): number | undefined => open?.times[open.times.length - 1];

  function closeAlt(burst: OpenBurst): void {
    if (burst.altDigits === '') return;
    burst.chars.push({ stroke: { key: altCodeChar(burst.altDigits), code: 'Alt', shift: false, altGr: false, composed: 'alt-code' }, codeDigit: undefined });
    burst.altDigits = '';
  }

  function complete(terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst[] {
    const burst = open;
    open = undefined;
    if (burst === undefined) return [];
    closeAlt(burst);
    const prefix = splitOff;
    splitOff = undefined;
    return [finishBurst(burst, prefix, { settings, limits, profiles }, terminator, endTime, interruptedBy)];
  }

  function openFacts(): PaceFacts | undefined {
    return open === undefined ? undefined : paceFacts(gapsOf(open.times));
  }

  function feed(event: WedgeKeyEvent): WedgeBurst[] {
    const meaning = meaningOf(event);
    if (meaning.type === 'modifier') return [];
    const done: WedgeBurst[] = [];
    const last = lastTime();
    if (last !== undefined && event.time - last >= settings.silenceMs) done.push(...complete('silence', last + settings.silenceMs));
    else if (last !== undefined && open !== undefined && (meaning.type === 'char' || meaning.type === 'alt-digit') && event.time - last > STALL_FLOOR_MS) {
      // A pause shorter than the silence: a slow scanner's stall, or a person's last key before a scan
      // begins (typing, then scanning). A stall needs a scanner-like burst before it; a person's one or
      // two keys, or slow ones, end here as a burst of their own.
      const facts = openFacts();
      const scannerSoFar = open.times.length > MERGEABLE_PREFIX && facts !== undefined && allLimits.some((l) => couldStillBeScan(facts, l));
      if (!scannerSoFar) {
        const few = open.times.length <= MERGEABLE_PREFIX && event.time - last <= settings.maxGapMs ? { chars: [...open.chars], times: [...open.times] } : undefined;
        done.push(...complete('silence', event.time));
        splitOff = few;
      }
    }
    switch (meaning.type) {
      case 'terminator':
        done.push(...complete(meaning.terminator, event.time));
        return done;
      case 'other':
        done.push(...complete('interrupted', event.time, meaning.name));
        return done;
      case 'alt-digit':
      case 'char': {
        if (open === undefined && done.length === 0) splitOff = undefined;
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
          open.chars.push({ stroke, codeDigit: meaning.composed === undefined ? meaning.codeDigit : undefined });
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
      splitOff = undefined;
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
  readonly reason: string | undefined;
}

interface DetectorConfig {
  readonly settings: WedgeSettings;
  readonly limits: PaceLimits;
  readonly profiles: readonly ScannerProfile[];
}

function judge(chars: readonly CharRecord[], facts: PaceFacts, b: { repeated: boolean; terminator: BurstTerminator; interruptedBy: string | undefined }, config: DetectorConfig): Judged {
  const terminated = b.terminator === 'Enter' || b.terminator === 'Tab';
  const strokes = chars.map((c) => c.stroke);
  for (const profile of config.profiles) {
    const read = readWithProfile(strokes, profile);
    if (read === undefined) continue;
    const text = read.text.replace(GS_SPELLINGS, '\u001d');
    const reason = whyNotAScan(text, facts, b, profile.pace, terminated);
    if (reason === undefined) return { reading: { text, recovered: false, mismatch: read.unmapped, usReading: undefined }, profileId: profile.id, reason };
  }
  const base = defaultReading(chars);
  const reading = { ...base, text: base.text.replace(GS_SPELLINGS, '\u001d') };
  return { reading, profileId: undefined, reason: whyNotAScan(reading.text, facts, b, config.limits, terminated, reading.usReading) };
}

function whyNotAScan(text: string, facts: PaceFacts, b: { repeated: boolean; terminator: BurstTerminator; interruptedBy: string | undefined }, limits: PaceLimits, terminated: boolean, usReading?: string): string | undefined {
  if (b.terminator === 'interrupted') return `ended by the ${b.interruptedBy ?? 'other'} key, not by Enter, Tab or a pause`;
  if (b.repeated) return 'a held-down key repeating, not a scan';
  const length = [...text].length;
  if (length < limits.minLength) return `too short: ${length} character${length === 1 ? '' : 's'} (a scan has at least ${limits.minLength})`;
  const pace = judgePace(facts, terminated, limits);
  if (!pace.ok) return pace.reason;
  // The slow path overlaps the fastest typists: there the payload must also look like a code.
  if (pace.path === 'slow' && shapeRank(text) === 0 && (usReading === undefined || shapeRank(usReading) === 0) && !text.includes('\u001d')) {
    return `typed at ${facts.paceMs.toFixed(1)} ms per key (as slow as a fast typist) and not shaped like a PKID or a serial`;
  }
  return undefined;
}

function finishBurst(burst: OpenBurst, prefix: { chars: readonly CharRecord[]; times: readonly number[] } | undefined, config: DetectorConfig, terminator: BurstTerminator, endTime: number, interruptedBy?: string): WedgeBurst {
  const shape = { repeated: burst.repeated, terminator, interruptedBy };
  let chars: readonly CharRecord[] = burst.chars;
  let times: readonly number[] = burst.times;
  let facts = paceFacts(gapsOf(times));
  let judged = judge(chars, facts, shape, config);
  let joinedPrefix = 0;
  // Keys split off by a pause just before this scan: its own first keys after a stall, when the whole
  // reads as a better code than the rest alone (a PKID's 13th digit), else a person's keys before it.
  if (judged.reason === undefined && prefix !== undefined) {
    const mergedChars = [...prefix.chars, ...chars];
    const mergedTimes = [...prefix.times, ...times];
    const mergedFacts = paceFacts(gapsOf(mergedTimes));
    const merged = judge(mergedChars, mergedFacts, shape, config);
    if (merged.reason === undefined && shapeRank(merged.reading.text) > shapeRank(judged.reading.text)) {
      chars = mergedChars;
      times = mergedTimes;
      facts = mergedFacts;
      judged = merged;
      joinedPrefix = prefix.chars.length;
    }
  }
  const typed = chars.map((c) => c.stroke.key).join('');
  const { reading, profileId, reason } = judged;
  return {
    text: reading.text,
    typed,
    recoveredFromCodes: reading.recovered,
    layoutMismatch: reading.mismatch,
    ...(reading.usReading !== undefined && reading.usReading !== reading.text ? { usReading: reading.usReading } : {}),
    ...(profileId === undefined ? {} : { profileId }),
    joinedPrefix,
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
    ...(reason === undefined ? {} : { rejectReason: reason }),
  };
}
