import { describe, expect, it } from 'vitest';
import { createWedgeDetector, type WedgeBurst, type WedgeDetector } from '../../../../renderer/src/scanner/wedge-detector';
import type { WedgeKeyEvent } from '../../../../renderer/src/scanner/wedge-keys';
import { DEFAULT_WEDGE_SETTINGS } from '../../../../renderer/src/scanner/wedge-settings';
import { classifyRead } from '../../../../shared/domain/barcode/index';
import { recording, recordings, type RecordedKey } from './recorded-fixtures';
import { rejectionText } from '../../../../renderer/src/i18n/wedge-text';

/** Why a burst is not a scan, as the English catalog says it. */
const said = (b: { rejection?: Parameters<typeof rejectionText>[0] } | undefined): string | undefined => (b?.rejection === undefined ? undefined : rejectionText(b.rejection));

function run(events: readonly RecordedKey[], detector: WedgeDetector = createWedgeDetector()): WedgeBurst[] {
  const bursts = events.flatMap((e) => detector.feed(e));
  const last = events[events.length - 1]?.time ?? 0;
  return [...bursts, ...detector.flush(last + 10_000)];
}

/** Keys at fixed gaps, for the edge cases the recordings do not pin down. */
function keys(text: string, gaps: number | readonly number[], start = 0): WedgeKeyEvent[] {
  let t = start;
  return [...text].map((ch, i) => {
    if (i > 0) t += typeof gaps === 'number' ? gaps : (gaps[i - 1] ?? 0);
    return { key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, time: t };
  });
}
const enter = (time: number): WedgeKeyEvent => ({ key: 'Enter', code: 'Enter', time });

describe('wedge detector on recorded timings', () => {
  it('has the recordings the design asks for', () => {
    expect(recordings.map((r) => r.name).sort()).toEqual(
      expect.arrayContaining(['scanner-enter', 'scanner-tab', 'scanner-silence', 'human-typing', 'fast-typist', 'azerty-pkid', 'german-shifted-pkid', 'keycode-garbage-numpad', 'aim-prefix', 'gs-alt-numpad']),
    );
  });

  it.each(recordings.map((r) => [r.name, r] as const))('%s', (_name, rec) => {
    const bursts = run(rec.events);
    expect(bursts.map(({ text, typed, accepted, terminator, recoveredFromCodes }) => ({ text, typed, accepted, terminator, recoveredFromCodes }))).toEqual(
      rec.expected.map((e) => ({ ...e, typed: e.typed ?? expect.any(String) })),
    );
    for (const b of bursts) expect(b.accepted).toBe(b.rejection === undefined);
  });

  it('measures the scanner recording as scanner-fast', () => {
    const [burst] = run(recording('scanner-enter').events);
    expect(burst?.gaps).toHaveLength(12);
    expect(burst?.meanGap).toBeGreaterThanOrEqual(8);
    expect(burst?.meanGap).toBeLessThanOrEqual(25);
    expect(burst?.maxGap).toBeLessThanOrEqual(25);
  });

  it('rejects every human keystroke, saying why', () => {
    const bursts = run(recording('human-typing').events);
    expect(bursts.length).toBeGreaterThan(5);
    expect(bursts.every((b) => !b.accepted && /^too short: \d characters? \(a scan has at least 6\)$/.test(said(b) ?? ''))).toBe(true);
  });

  it('recovers the AZERTY PKID and the classifier then takes it as a PKID', () => {
    const [burst] = run(recording('azerty-pkid').events);
    expect(burst).toMatchObject({ text: '6130760003769', typed: '-&"àè-ààà"è-ç', layoutMismatch: false, recoveredFromCodes: true });
    expect(classifyRead({ raw: burst?.text ?? '' }).kind).toBe('pkid-unconfirmed');
  });

  it('does not repair a non-digit key, but flags it as layout damage', () => {
    const [burst] = run(recording('keycode-garbage-minus').events);
    expect(burst).toMatchObject({ text: 'PF1½ABCDE', recoveredFromCodes: false, layoutMismatch: true, usReading: 'PF1-ABCDE' });
    expect(classifyRead({ raw: burst?.text ?? '' }).kind).toBe('unknown');
  });

  it('feeds AIM-prefixed and GS-prefixed scans through to a PKID', () => {
    for (const name of ['aim-prefix', 'gs-alt-numpad', 'gs-literal']) {
      const [burst] = run(recording(name).events);
      expect(classifyRead({ raw: burst?.text ?? '' })).toMatchObject({ value: '6130760003769' });
    }
    expect(classifyRead({ raw: run(recording('aim-prefix').events)[0]?.text ?? '' }).kind).toBe('pkid');
  });

  it('counts Alt+numpad digits as keystrokes but not as characters', () => {
    const [burst] = run(recording('gs-alt-numpad').events);
    expect([...(burst?.text ?? '')]).toHaveLength(14);
    expect(burst?.gaps).toHaveLength(3 + 13 - 1);
  });
});

describe('wedge detector thresholds', () => {
  const fast = keys('1234567890123', 10);

  it('takes exactly minLength characters and refuses one fewer', () => {
    expect(run([...keys('123456', 10), enter(60)])[0]?.accepted).toBe(true);
    const [short] = run([...keys('12345', 10), enter(50)]);
    expect(short).toMatchObject({ accepted: false, rejection: { code: 'tooShort', length: 5, minLength: 6 } });
    expect(said(short)).toBe('too short: 5 characters (a scan has at least 6)');
  });

  it('refuses a single gap over maxGapMs even when the mean is fast', () => {
    const gaps = [10, 10, 10, 10, 10, 101, 10, 10, 10, 10, 10, 10];
    const [burst] = run([...keys('1234567890123', gaps), enter(500)]);
    expect(burst).toMatchObject({ accepted: false, maxGap: 101 });
    expect(said(burst)).toMatch(/a pause of 101 ms between two keys/);
    const [ok] = run([...keys('1234567890123', gaps.map((g) => (g === 101 ? 100 : g))), enter(500)]);
    expect(ok?.accepted).toBe(true);
  });

  it('refuses a mean gap over maxMeanGapMs unless the slow path (suffix, even gaps, a code) holds', () => {
    const [slow] = run([...keys('1234567', 36), enter(300)]);
    expect(slow).toMatchObject({ accepted: false, meanGap: 36 });
    expect(said(slow)).toMatch(/36\.0 ms per key .*not shaped like a PKID or a serial/);
    expect(run([...keys('1234567', 35), enter(300)])[0]?.accepted).toBe(true);
    expect(run([...keys('1234567890123', 40), enter(600)])[0]).toMatchObject({ accepted: true, paceMs: 40 });
    const [noSuffix] = run(keys('1234567890123', 40));
    expect(said(noSuffix)).toMatch(/with no Enter or Tab at the end/);
    const [tooSlow] = run([...keys('1234567890123', 46), enter(700)]);
    expect(said(tooSlow)).toMatch(/too slow for a scanner: 46 ms per key/);
  });

  it('ends a burst on a silence of silenceMs, not one ms earlier', () => {
    const d = createWedgeDetector();
    for (const k of fast) d.feed(k);
    const last = fast[fast.length - 1]?.time ?? 0;
    expect(d.nextFlushAt()).toBe(last + 150);
    expect(d.flush(last + 149)).toEqual([]);
    const [burst] = d.flush(last + 150);
    expect(burst).toMatchObject({ text: '1234567890123', terminator: 'silence', accepted: true, endTime: last + 150 });
    expect(d.nextFlushAt()).toBeUndefined();
    expect(d.progress()).toBeUndefined();
  });

  it('splits on a key that comes after the silence', () => {
    const late = keys('ABCDEFG', 10, 500);
    const d = createWedgeDetector();
    const out = [...fast, ...late].flatMap((k) => d.feed(k));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: '1234567890123', terminator: 'silence' });
  });

  it('uses the settings it is given', () => {
    const d = createWedgeDetector({ minLength: 3, maxMeanGapMs: 60, maxGapMs: 70, silenceMs: 300 });
    const [burst] = run([...keys('ABC', 60), enter(200)], d);
    expect(burst?.accepted).toBe(true);
    expect(d.settings).toEqual({ minLength: 3, maxMeanGapMs: 60, slowMeanGapMs: 45, maxGapMs: 70, silenceMs: 300 });
    expect(createWedgeDetector().settings).toEqual(DEFAULT_WEDGE_SETTINGS);
  });

  it('refuses settings no scanner needs', () => {
    expect(() => createWedgeDetector({ minLength: 1 })).toThrow();
    expect(() => createWedgeDetector({ maxGapMs: 0 })).toThrow();
    expect(() => createWedgeDetector({ maxMeanGapMs: 90, maxGapMs: 80 })).toThrow(/mean gap/);
  });

  it('emits nothing for a lone Enter or Tab', () => {
    const d = createWedgeDetector();
    expect(d.feed(enter(0))).toEqual([]);
    expect(d.feed({ key: 'Tab', code: 'Tab', time: 5 })).toEqual([]);
    expect(d.flush(1000)).toEqual([]);
  });

  it('ignores modifier keydowns for timing and text', () => {
    const withShift = keys('ABCDEFG', 10).flatMap((k) => [{ key: 'Shift', code: 'ShiftLeft', time: k.time - 2 }, k]);
    const [burst] = run([...withShift, enter(100)]);
    expect(burst).toMatchObject({ text: 'ABCDEFG', accepted: true, gaps: [10, 10, 10, 10, 10, 10] });
  });

  it('clamps out-of-order timestamps to zero gaps', () => {
    const [burst] = run([...keys('1234567', [10, -5, 10, 10, 10, 10]), enter(100)]);
    expect(burst?.gaps).toContain(0);
    expect(Math.min(...(burst?.gaps ?? []))).toBe(0);
  });
});

describe('wedge detector keys', () => {
  it('ends a burst at Backspace, Ctrl+key or an arrow, as not a scan', () => {
    for (const [key, extra] of [['Backspace', {}], ['a', { ctrlKey: true }], ['ArrowLeft', {}], ['F2', {}]] as const) {
      const d = createWedgeDetector();
      fastFeed(d, '1234567890');
      const [burst] = d.feed({ key, code: key, time: 95, ...extra });
      expect(burst).toMatchObject({ text: '1234567890', terminator: 'interrupted', accepted: false });
      expect(said(burst)).toMatch(/^ended by the (Ctrl\+a|Backspace|ArrowLeft|F2) key/);
    }
  });

  it('takes AltGr characters (Ctrl+Alt on Windows) as characters', () => {
    const [burst] = run([...keys('ABCDE', 10), { key: '@', code: 'KeyQ', time: 50, ctrlKey: true, altKey: true }, enter(60)]);
    expect(burst).toMatchObject({ text: 'ABCDE@', accepted: true });
  });

  it('refuses a burst containing auto-repeat', () => {
    const [burst] = run(recording('key-held-down').events).slice(1);
    expect(said(burst)).toBe('a held-down key repeating, not a scan');
  });

  it('recovers digits typed on the numpad with NumLock off (named keys)', () => {
    const numLockOff = ['End', 'ArrowDown', 'PageDown', 'ArrowLeft', 'Clear', 'ArrowRight'].map((key, i) => ({ key, code: `Numpad${i + 1}`, time: i * 10 }));
    const [burst] = run([...numLockOff, enter(60)]);
    expect(burst).toMatchObject({ text: '123456', recoveredFromCodes: true, accepted: true });
  });

  it('marks a dead key as damage rather than dropping it', () => {
    const [burst] = run([...keys('ABCDE', 10), { key: 'Dead', code: 'BracketLeft', time: 50 }, ...keys('FG', 10, 60), enter(80)]);
    expect(burst?.text).toBe('ABCDE\ufffdFG');
    expect(classifyRead({ raw: burst?.text ?? '' }).kind).toBe('unknown');
  });

  it('turns an Alt+numpad code other than 29 into its character', () => {
    const alt = (code: string, time: number): WedgeKeyEvent => ({ key: code.slice(-1), code, time, altKey: true });
    const [burst] = run([alt('Numpad6', 0), alt('Numpad5', 10), ...keys('BCDEF', 10, 20), enter(70)]);
    expect(burst?.text).toBe('ABCDEF');
  });

  it('does not repair digit keys in a mixed payload (AZERTY "-" on Digit6 is a real dash)', () => {
    const mixed = [...keys('R9', 10), { key: '-', code: 'Digit6', time: 20 }, ...keys('0ABC12', 10, 30), enter(100)];
    const [burst] = run(mixed);
    expect(burst).toMatchObject({ text: 'R9-0ABC12', recoveredFromCodes: false, layoutMismatch: true });
  });

  it('reports progress that a listener can act on', () => {
    const d = createWedgeDetector();
    fastFeed(d, '123');
    expect(d.progress()).toMatchObject({ keystrokes: 3, couldBeScan: true, meanGap: 10, maxGap: 10, startTime: 0, lastTime: 20 });
    d.feed({ key: '4', code: 'Digit4', time: 20 + 75 });
    expect(d.progress()?.couldBeScan).toBe(true); // one stall: a Bluetooth scanner catching up
    d.feed({ key: '5', code: 'Digit5', time: 95 + 85 });
    expect(d.progress()).toMatchObject({ keystrokes: 5, couldBeScan: true, maxGap: 85 });
    d.feed({ key: '6', code: 'Digit6', time: 180 + 90 });
    expect(d.progress()).toMatchObject({ keystrokes: 6, couldBeScan: false, maxGap: 90 }); // three stalls: a person
    d.reset();
    expect(d.progress()).toBeUndefined();
  });
});

function fastFeed(d: WedgeDetector, text: string): void {
  for (const k of keys(text, 10)) d.feed(k);
}
