import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WedgeBurst } from '../../../../renderer/src/scanner/wedge-detector';
import { listenForWedgeScans, type ScanContext } from '../../../../renderer/src/scanner/wedge-listener';
import { createKeyboard, type SimKey } from './keyboard-sim';
import { recording, type RecordedKey } from './recorded-fixtures';
import { rejectionText } from '../../../../renderer/src/i18n/wedge-text';

/** Why a burst is not a scan, as the English catalog says it. */
const said = (b: { rejection?: Parameters<typeof rejectionText>[0] } | undefined): string | undefined => (b?.rejection === undefined ? undefined : rejectionText(b.rejection));

const PKID = '6130760003769';

let scans: Array<{ burst: WedgeBurst; context: ScanContext }>;
let bursts: WedgeBurst[];
let dispose: () => void;
let keyboard: ReturnType<typeof createKeyboard>;

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = `
    <form id="form"><input id="plain" value=""><button id="go" type="button">Go</button></form>
    <div data-scan-target><label>PKID <input id="manual"></label></div>
    <textarea id="notes"></textarea>`;
  scans = [];
  bursts = [];
  dispose = listenForWedgeScans({
    onScan: (burst, context) => scans.push({ burst, context }),
    onBurst: (burst) => bursts.push(burst),
    now: () => Date.now(),
    timeOf: () => Date.now(),
  });
  keyboard = createKeyboard();
});

afterEach(() => {
  dispose();
  vi.useRealTimers();
});

const field = (id: string): HTMLInputElement | HTMLTextAreaElement => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error(`no field #${id}`);
  return el;
};

/** Plays a recording with its own gaps; returns whether each key reached its default action. */
function play(events: readonly RecordedKey[], firstGap = 500): boolean[] {
  let last: number | undefined;
  return events.map((e) => {
    const gap = last === undefined ? firstGap : e.time - last;
    last = e.time;
    return keyboard.press(e, gap);
  });
}

function typeAt(text: string, gaps: number | readonly number[]): void {
  [...text].forEach((ch, i) => keyboard.press(keyOf(ch), i === 0 ? 500 : typeof gaps === 'number' ? gaps : (gaps[i - 1] ?? 0)));
}

function keyOf(ch: string): SimKey {
  return { key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}` };
}

describe('wedge listener with no field focused', () => {
  it('reports a scan and swallows its Enter', () => {
    play(recording('scanner-enter').events);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.burst).toMatchObject({ text: PKID, accepted: true, terminator: 'Enter' });
    expect(scans[0]?.context).toEqual({ target: document.body, optedIn: false, leaked: 'none' });
    expect(keyboard.log.enterDefaults).toBe(0);
  });

  it('reports a silence-ended scan once the silence has passed', () => {
    play(recording('scanner-silence').events);
    expect(scans).toHaveLength(0);
    vi.advanceTimersByTime(151);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.burst).toMatchObject({ text: PKID, terminator: 'silence' });
  });

  it('does not click the focused button with the suffix', () => {
    document.getElementById('go')?.focus();
    play(recording('scanner-enter').events);
    expect(scans).toHaveLength(1);
    expect(keyboard.log.enterDefaults).toBe(0);
  });
});

describe('wedge listener with a text field focused', () => {
  it('keeps the scan out of the field and the form', () => {
    const input = field('plain');
    input.value = 'Box 12: ';
    input.focus();
    input.setSelectionRange(8, 8);
    const seenByApp: string[] = [];
    input.addEventListener('keydown', (e) => {
      if (e instanceof KeyboardEvent) seenByApp.push(e.key);
    });
    const inputEvents: string[] = [];
    input.addEventListener('input', (e) => inputEvents.push((e as InputEvent).inputType));

    play(recording('scanner-enter').events);

    expect(scans).toHaveLength(1);
    expect(scans[0]?.burst.text).toBe(PKID);
    expect(scans[0]?.context).toMatchObject({ target: input, optedIn: false, leaked: 'removed' });
    expect(input.value).toBe('Box 12: ');
    expect(input.selectionStart).toBe(8);
    // The first two keys could not be told from typing; the rest and the Enter were held back.
    expect(keyboard.log.prevented).toEqual([...PKID.slice(2), 'Enter']);
    expect(seenByApp).toEqual(PKID.slice(0, 2).split(''));
    // Frameworks hear about the clean-up like any edit.
    expect(inputEvents.at(-1)).toBe('deleteContentBackward');
    expect(keyboard.log.enterDefaults).toBe(0);
  });

  it('does not let the Tab suffix move focus', () => {
    const input = field('plain');
    input.focus();
    play(recording('scanner-tab').events);
    expect(scans[0]?.burst).toMatchObject({ text: '7XK4M12', terminator: 'Tab' });
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('');
  });

  it('cleans up a silence-ended scan when the silence passes', () => {
    const input = field('notes');
    input.focus();
    play(recording('scanner-silence').events);
    expect(input.value).toBe(PKID.slice(0, 2));
    vi.advanceTimersByTime(151);
    expect(scans[0]?.context.leaked).toBe('removed');
    expect(input.value).toBe('');
  });

  it('keeps AZERTY damage out of the field and reports the repaired PKID', () => {
    const input = field('plain');
    input.focus();
    play(recording('azerty-pkid').events);
    expect(input.value).toBe('');
    expect(scans[0]?.burst).toMatchObject({ text: PKID, recoveredFromCodes: true });
  });

  it('leaves the field alone when something else changed it during the scan', () => {
    const input = field('plain');
    input.focus();
    const events = recording('scanner-enter').events;
    play(events.slice(0, 5));
    input.value = 'replaced by the app';
    play(events.slice(5), events[5]!.time - events[4]!.time);
    expect(scans[0]?.context.leaked).toBe('left');
    expect(input.value).toBe('replaced by the app');
  });
});

describe('wedge listener and human typing', () => {
  it('leaves human-speed typing alone', () => {
    const input = field('plain');
    input.focus();
    play(recording('human-typing').events);
    vi.advanceTimersByTime(200);
    expect(input.value).toBe(PKID);
    expect(keyboard.log.prevented).toEqual([]);
    expect(keyboard.log.enterDefaults).toBe(1);
    expect(scans).toEqual([]);
    expect(bursts).toHaveLength(10); // keys under the 150 ms silence apart share a burst
    expect(bursts.every((b) => !b.accepted)).toBe(true);
  });

  it('leaves a fast typist alone', () => {
    const input = field('plain');
    input.focus();
    play(recording('fast-typist').events);
    expect(input.value).toBe('asdf');
    expect(keyboard.log.prevented).toEqual([]);
    expect(keyboard.log.enterDefaults).toBe(1);
    expect(scans).toEqual([]);
  });

  it('types a briefly held key as soon as a pause shows it was a person', () => {
    const input = field('plain');
    input.focus();
    typeAt('the', 20); // a rolled trigram: scanner-fast, so "e" is held
    expect(keyboard.log.prevented).toEqual(['e']);
    expect(input.value).toBe('th');
    vi.advanceTimersByTime(151);
    expect(input.value).toBe('the');
    expect(scans).toEqual([]);
  });

  it('keeps the order when the next key reveals a person', () => {
    const input = field('plain');
    input.focus();
    typeAt('then', [20, 20, 120]); // the 120 ms gap (over any stall) rules out a scanner: "e" goes in before "n"
    expect(input.value).toBe('then');
    keyboard.press({ key: 'Enter', code: 'Enter' }, 20);
    expect(keyboard.log.enterDefaults).toBe(1);
  });

  it('puts a held key back before Backspace acts', () => {
    const input = field('plain');
    input.focus();
    typeAt('abc', 15);
    keyboard.press({ key: 'Backspace', code: 'Backspace' }, 15);
    expect(input.value).toBe('ab');
  });

  it('puts held keys back before a short fast burst\'s Enter', () => {
    const input = field('plain');
    input.focus();
    typeAt('abcd', 15);
    keyboard.press({ key: 'Enter', code: 'Enter' }, 15);
    expect(input.value).toBe('abcd');
    expect(keyboard.log.enterDefaults).toBe(1);
    expect(said(bursts.at(-1))).toMatch(/too short/);
  });

  it('never holds auto-repeated keys', () => {
    const input = field('plain');
    input.focus();
    play(recording('key-held-down').events);
    vi.advanceTimersByTime(200);
    expect(input.value).toBe('0'.repeat(15));
    expect(scans).toEqual([]);
  });

  it('ignores keys an IME is composing', () => {
    const input = field('plain');
    input.focus();
    for (const ch of 'かなかなかな') expect(keyboard.press({ key: ch, code: 'KeyK', isComposing: true }, 5)).toBe(true);
    vi.advanceTimersByTime(200);
    expect(bursts).toEqual([]);
  });
});

describe('wedge listener and opted-in fields', () => {
  it('lets a field under data-scan-target receive the scan, and still reports it', () => {
    const input = field('manual');
    input.focus();
    play(recording('scanner-enter').events);
    expect(input.value).toBe(PKID);
    expect(keyboard.log.prevented).toEqual([]);
    expect(keyboard.log.enterDefaults).toBe(1);
    expect(scans[0]?.context).toMatchObject({ target: input, optedIn: true, leaked: 'none' });
  });
});

describe('wedge listener lifecycle', () => {
  it('listens once, in the capture phase, and stops on dispose', () => {
    const seen: string[] = [];
    // A listener on the input that stops propagation cannot hide a scan from a capture listener on window.
    field('plain').addEventListener('keydown', (e) => {
      if (e instanceof KeyboardEvent) seen.push(e.key);
      e.stopPropagation();
    });
    field('plain').focus();
    play(recording('scanner-enter').events);
    expect(scans).toHaveLength(1);
    dispose();
    play(recording('scanner-enter').events);
    expect(scans).toHaveLength(1);
    expect(seen.length).toBeGreaterThan(2); // after dispose every key reaches the field's own handler
  });

  it('gives held keys back when disposed mid-burst', () => {
    const input = field('plain');
    input.focus();
    typeAt('abcde', 10);
    expect(input.value).toBe('ab');
    dispose();
    expect(input.value).toBe('abcde');
  });

  it('passes its settings to the detector', () => {
    dispose();
    dispose = listenForWedgeScans({ settings: { minLength: 14 }, onScan: (burst, context) => scans.push({ burst, context }), onBurst: (b) => bursts.push(b), now: () => Date.now(), timeOf: () => Date.now() });
    play(recording('scanner-enter').events);
    expect(scans).toEqual([]);
    expect(said(bursts[0])).toMatch(/at least 14/);
  });
});
