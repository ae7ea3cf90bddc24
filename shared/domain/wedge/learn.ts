// Learning a scanner from a few reads of the test label (test-label.ts). Pure.
//
// Each read is the keystrokes of one burst. The digit runs at both ends of the label are found by
// their physical keys (Digit0…Digit9 or the numpad: the same on every layout), which splits a read into
// [prefix + AIM id] [0-9] [letters and symbols] [GS as sent] [0-9] [suffix]. The middle, whose
// characters are known, gives the map from each key press to the character it stands for; that map
// then reads the head (AIM id, prefix) and the tail (suffix). Timing gives the pace limits, with margin.
import { keyIdOf, type Keystroke } from './keystroke';
import { DEFAULT_PACE, paceFacts, type PaceLimits } from './pace';
import type { GsMethod, ScannerProfile } from './profile';
import { LABEL_DIGITS, LABEL_MIDDLE } from './test-label';
import { usCharOf } from './us-keys';

export interface LearnSample {
  readonly keys: readonly Keystroke[];
  readonly gaps: readonly number[];
  readonly terminator: 'Enter' | 'Tab' | 'silence' | 'interrupted';
}

export interface LearnOptions {
  readonly id: string;
  readonly name: string;
  readonly now: number;
}

export type LearnResult = { readonly ok: true; readonly profile: ScannerProfile } | { readonly ok: false; readonly problems: readonly string[] };

export const MIN_SAMPLES = 3;
/** Without a prefix the slowest pace a profile may allow: beyond it fast typists would pass as scans. */
export const NO_PREFIX_PACE_CAP_MS = 50;

interface Parsed {
  readonly head: readonly Keystroke[];
  readonly middle: readonly Keystroke[];
  readonly gs: readonly Keystroke[];
  readonly digits: readonly Keystroke[];
  readonly tail: readonly Keystroke[];
}

const digitOf = (k: Keystroke): string | undefined => (k.composed === undefined ? /^(?:Digit|Numpad)([0-9])$/.exec(k.code)?.[1] : undefined);

function digitRunAt(keys: readonly Keystroke[], at: number): boolean {
  for (let d = 0; d < LABEL_DIGITS.length; d++) {
    const k = keys[at + d];
    if (k === undefined || digitOf(k) !== LABEL_DIGITS.charAt(d)) return false;
  }
  return true;
}

function parseSample(keys: readonly Keystroke[]): Parsed | string {
  const n = LABEL_DIGITS.length;
  let first = -1;
  for (let i = 0; i + n <= keys.length; i++) if (digitRunAt(keys, i)) { first = i; break; }
  if (first === -1) return 'the digits 0–9 at the start of the label were not found: scan the test label shown here, whole';
  let last = -1;
  for (let i = keys.length - n; i >= first + n + LABEL_MIDDLE.length; i--) if (digitRunAt(keys, i)) { last = i; break; }
  if (last === -1) return 'the digits 0–9 at the end of the label were not found: the read was cut short';
  const middleEnd = first + n + LABEL_MIDDLE.length;
  return { head: keys.slice(0, first), middle: keys.slice(first + n, middleEnd), gs: keys.slice(middleEnd, last), digits: [...keys.slice(first, first + n), ...keys.slice(last, last + n)], tail: keys.slice(last + n) };
}

function gsOf(keys: readonly Keystroke[], read: (k: Keystroke) => string): { method: GsMethod; text: string } | string {
  if (keys.length === 0) return { method: 'dropped', text: '' };
  const only = keys[0];
  if (keys.length === 1 && only?.composed !== undefined && only.key === '\u001d') return { method: only.composed, text: '' };
  const text = keys.map(read).join('');
  if (text === '\u001d') return { method: 'none', text: '' };
  if (text.length <= 10 && !/[0-9A-Z]/.test(text.replace(/GS/gi, ''))) return { method: 'text', text };
  return `the scanner sent "${text}" for the label's GS separator, which the station cannot tell from data`;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function paceOf(samples: readonly LearnSample[], prefixed: boolean, warnings: string[]): { pace: PaceLimits; measured: ScannerProfile['measured'] } {
  const facts = samples.map((s) => paceFacts(s.gaps));
  const paceMs = Math.max(...facts.map((f) => f.paceMs));
  const maxGap = Math.max(...facts.map((f) => f.maxGap));
  const stalls = Math.max(...facts.map((f) => f.stalls));
  const spread = Math.max(...facts.map((f) => f.spread));
  // Margin: a third over the slowest read, so a busier radio on another day still passes.
  let limit = Math.max(DEFAULT_PACE.fastMeanMs, paceMs * 1.33 + 5);
  if (!prefixed && limit > NO_PREFIX_PACE_CAP_MS) {
    warnings.push(`This scanner types at ${round(paceMs)} ms per key, as slowly as a fast typist: without a prefix the station takes it only up to ${NO_PREFIX_PACE_CAP_MS} ms per key. Set a prefix on the scanner (its manual's "prefix" barcode) and learn it again.`);
    limit = NO_PREFIX_PACE_CAP_MS;
  }
  const pace: PaceLimits = {
    minLength: DEFAULT_PACE.minLength,
    fastMeanMs: prefixed ? limit : Math.min(limit, DEFAULT_PACE.fastMeanMs),
    slowMeanMs: Math.max(DEFAULT_PACE.slowMeanMs, limit),
    maxGapMs: Math.min(prefixed ? 400 : 150, Math.max(DEFAULT_PACE.maxGapMs, maxGap * 1.33 + 10)),
    maxStalls: Math.max(DEFAULT_PACE.maxStalls, stalls + 1),
    maxSpread: Math.max(DEFAULT_PACE.maxSpread, spread * 1.5),
  };
  return { pace, measured: { paceMs: round(paceMs), maxGapMs: round(maxGap), stalls } };
}

function describeLayout(keymap: Readonly<Record<string, string>>): string {
  const moved: string[] = [];
  for (const [id, char] of Object.entries(keymap)) {
    const shift = id.includes('shift+');
    const code = id.replace(/^(?:altgr\+)?(?:shift\+)?/, '');
    const us = usCharOf(code, shift);
    if (!/^[A-Z]$/.test(char)) continue;
    if (us === undefined || us.toUpperCase() !== char) moved.push(`${char} on ${code.replace(/^Key/, '')}`);
  }
  if (moved.length === 0) return 'Letters sit where a US keyboard has them.';
  return `The scanner types a non-US layout (${moved.slice(0, 6).join(', ')}${moved.length > 6 ? ', …' : ''}); the station reads its keys through the learned map.`;
}

/** Learns a profile from at least MIN_SAMPLES reads of the test label, or says what went wrong. */
export function learnScanner(samples: readonly LearnSample[], options: LearnOptions): LearnResult {
  if (samples.length < MIN_SAMPLES) return { ok: false, problems: [`Scan the test label at least ${MIN_SAMPLES} times (${samples.length} so far).`] };
  const problems: string[] = [];
  const keymap: Record<string, string> = {};
  const parsed: Parsed[] = [];
  samples.forEach((s, i) => {
    const p = parseSample(s.keys);
    if (typeof p === 'string') return problems.push(`Read ${i + 1}: ${p}.`);
    parsed.push(p);
    const teach = (k: Keystroke, char: string): void => {
      if (k.composed !== undefined) return;
      const id = keyIdOf(k);
      const known = keymap[id];
      if (known !== undefined && known !== char) problems.push(`Read ${i + 1}: the same key (${id}) stood for both "${known}" and "${char}"; scan the label again, steadily.`);
      keymap[id] = char;
    };
    p.middle.forEach((k, j) => teach(k, LABEL_MIDDLE.charAt(j)));
    p.digits.forEach((k, j) => teach(k, LABEL_DIGITS.charAt(j % LABEL_DIGITS.length)));
  });
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  // Caps Lock on the PC flips what a letter key types: the other case of a learned letter is that letter.
  for (const [id, char] of Object.entries({ ...keymap })) {
    if (!/^[A-Z]$/.test(char)) continue;
    const other = id.includes('shift+') ? id.replace('shift+', '') : id.replace(/^(altgr\+)?/, '$1shift+');
    keymap[other] ??= char.toLowerCase();
  }
  const read = (k: Keystroke): string => (k.composed !== undefined ? k.key : (keymap[keyIdOf(k)] ?? k.key));
  const heads = new Set(parsed.map((p) => p.head.map(read).join('')));
  const tails = new Set(parsed.map((p) => p.tail.map(read).join('')));
  const terminators = new Set(samples.map((s) => s.terminator));
  if (heads.size > 1 || tails.size > 1) problems.push('The reads began or ended differently each time: scan only the test label, and change no scanner setting in between.');
  if (terminators.size > 1) problems.push(`The reads ended differently (${[...terminators].join(', ')}): scan only the test label, and press no key in between.`);
  const gsForms = parsed.map((p) => gsOf(p.gs, read));
  const gsProblem = gsForms.find((g): g is string => typeof g === 'string');
  if (gsProblem !== undefined) problems.push(gsProblem);
  const gsMethods = new Set(gsForms.map((g) => (typeof g === 'string' ? g : `${g.method}:${g.text}`)));
  if (gsProblem === undefined && gsMethods.size > 1) problems.push('The GS separator arrived differently in different reads: scan the label again.');
  if (problems.length > 0) return { ok: false, problems };

  const head = [...heads][0] ?? '';
  const aimMatch = /\][A-Za-z][0-9A-Za-z]$/.exec(head);
  const aim = aimMatch?.[0] ?? null;
  const prefix = aim === null ? head : head.slice(0, -3);
  const suffix = [...tails][0] ?? '';
  const terminator = [...terminators][0] ?? 'silence';
  const warnings: string[] = [];
  if (terminator === 'silence' || terminator === 'interrupted') warnings.push('The scanner sends no Enter or Tab after a scan: set its suffix to Enter (CR) so every scan ends cleanly.');
  const gs = gsForms[0] as { method: GsMethod; text: string };
  if (gs.method === 'dropped') warnings.push('The scanner drops the GS separator: multi-field labels will run their fields together. Turn on its "transmit FNC1 as GS" option.');
  const { pace, measured } = paceOf(samples, prefix !== '', warnings);
  return {
    ok: true,
    profile: {
      id: options.id,
      name: options.name,
      learnedAt: options.now,
      samples: samples.length,
      pace,
      measured,
      terminator: terminator === 'Enter' || terminator === 'Tab' ? terminator : 'none',
      prefix,
      suffix,
      aim,
      gs,
      keymap,
      layoutNote: describeLayout(keymap),
      warnings,
    },
  };
}
