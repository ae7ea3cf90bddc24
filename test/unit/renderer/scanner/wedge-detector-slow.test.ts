// The defaults without learning (issue 13 item 2): slow Bluetooth scanners, stalls, GS variants,
// layout damage, typing then scanning; fast typists never taken. Properties over seeded timings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpus, fastScanner, randomPkid, randomSerial, scannerEvents, seeded, slowScanner, typingEvents } from '../../../fixtures/scanner/keystroke-corpus';
import { confusion, learnedProfile, runEvents } from '../../../fixtures/scanner/run-corpus';
import { rejectionText } from '../../../../renderer/src/i18n/wedge-text';

/** Why a burst is not a scan, as the English catalog says it. */
const said = (b: { rejection?: Parameters<typeof rejectionText>[0] } | undefined): string | undefined => (b?.rejection === undefined ? undefined : rejectionText(b.rejection));

const PKID = '3904567123456';

describe('slow scanners (defaults)', () => {
  it('takes a 40 ms-per-key scan with one 100 ms stall, ended by Enter', () => {
    const rng = seeded(1);
    const events = scannerEvents(PKID, { ...slowScanner(rng), paceMs: 40, jitter: 0.1, stalls: [100], terminator: 'Enter' }, rng, 0);
    const [burst] = runEvents(events);
    expect(burst).toMatchObject({ text: PKID, accepted: true, stalls: 1 });
  });

  it('takes two stalls of 60–90 ms mid-burst (the issue: a stall over 80 ms failed the scan)', () => {
    const rng = seeded(2);
    const events = scannerEvents('5CG1234XYZ', { ...slowScanner(rng), paceMs: 30, jitter: 0.2, stalls: [85, 90], terminator: 'Tab' }, rng, 0);
    expect(runEvents(events).filter((b) => b.accepted).map((b) => b.text)).toEqual(['5CG1234XYZ']);
  });

  it('refuses a 40 ms-per-key burst with no suffix (only fast bursts may end on a pause)', () => {
    const rng = seeded(3);
    const [burst] = runEvents(scannerEvents(PKID, { ...slowScanner(rng), paceMs: 40, jitter: 0.1, stalls: [], terminator: 'none' }, rng, 0));
    expect(burst?.accepted).toBe(false);
    expect(said(burst)).toMatch(/no Enter or Tab/);
  });

  it('refuses three stalls: a person, not a radio catching up', () => {
    const rng = seeded(4);
    const [burst] = runEvents(scannerEvents(PKID, { ...slowScanner(rng), paceMs: 20, jitter: 0, stalls: [80, 85, 90], terminator: 'Enter' }, rng, 0));
    expect(burst?.accepted).toBe(false);
  });

  // Not every such burst is taken (a short serial whose one stall sits near its own pace can be split:
  // see the bench's confusion matrix), so this states what is promised: never a wrong value, and nearly all
  // taken, on a seeded set the same in every run.
  it('takes slow scanners up to 40 ms per key with at most two stalls up to 100 ms: never a wrong value, at least 95 % taken', () => {
    const pick = seeded(20261207);
    const runs = 400;
    let taken = 0;
    const wrong: string[] = [];
    for (let i = 0; i < runs; i++) {
      const rng = seeded(1 + Math.floor(pick() * 2 ** 30));
      const paceMs = 15 + pick() * 25;
      const stalls = Array.from({ length: Math.floor(pick() * 3) }, () => 60 + pick() * 39.5);
      const payload = pick() < 0.5 ? randomPkid(rng) : randomSerial(rng);
      const events = scannerEvents(payload, { ...slowScanner(rng), paceMs, jitter: 0.15, stalls, terminator: 'Enter' }, rng, 0);
      const got = runEvents(events).filter((b) => b.accepted).map((b) => b.text);
      if (got.length === 1 && got[0] === payload) taken++;
      else if (got.length > 0) wrong.push(`${payload} -> ${got.join(' | ')}`);
    }
    expect(wrong).toEqual([]);
    expect(taken / runs).toBeGreaterThanOrEqual(0.95);
  });

});

describe('people typing (never a scan)', () => {
  it('never takes 13 digits at 40–70 ms per key and Enter, with fingers held down as people do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const rng = seeded(seed);
        const events = typingEvents(randomPkid(rng), () => 40 + rng() * 30, () => 50 + rng() * 50, 0, true);
        expect(runEvents(events).filter((b) => b.accepted)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never takes a steady script-like typist (Playwright keyboard.type holds each key for the delay)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 40, max: 70 }), (seed, delay) => {
        const rng = seeded(seed);
        const events = typingEvents(randomPkid(rng), () => delay + rng() * 2, () => delay, 0, true);
        expect(runEvents(events).filter((b) => b.accepted)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never takes uneven 40–70 ms typing even with no key-ups seen (timing alone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const rng = seeded(seed);
        const events = typingEvents(randomPkid(rng), () => 40 + rng() * 30, () => 60, 0, true).filter((e) => e.type === 'down');
        expect(runEvents(events).filter((b) => b.accepted)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GS inside the payload', () => {
  it.each(['ctrl-bracket', 'alt-code', 'text', 'brace'] as const)('keeps GS sent as %s inside one scan', (gs) => {
    const rng = seeded(5);
    const payload = `${PKID}\u001d1S20XW0012USPF1ABCDE`;
    const taken = runEvents(scannerEvents(payload, fastScanner(rng, { gs, terminator: 'Enter' }), rng, 0)).filter((b) => b.accepted);
    expect(taken.map((b) => b.text)).toEqual([payload]);
  });

  it('reads Ctrl+] as GS on a German PC, where that key types "+"', () => {
    const rng = seeded(6);
    const taken = runEvents(scannerEvents(`${PKID}\u001dABC1234`, fastScanner(rng, { gs: 'ctrl-bracket', pcLayout: 'de', terminator: 'Enter' }), rng, 0)).filter((b) => b.accepted);
    expect(taken[0]?.text.split('\u001d')[0]).toBe(PKID);
    expect(taken).toHaveLength(1);
  });
});

describe('layout damage (no learning)', () => {
  it('flags a serial whose Y and Z a German PC swapped, and says what a US scanner meant', () => {
    const rng = seeded(7);
    const [burst] = runEvents(scannerEvents('5CG12YZ4QA', fastScanner(rng, { pcLayout: 'de', terminator: 'Enter' }), rng, 0));
    expect(burst).toMatchObject({ accepted: true, text: '5CG12ZY4QA', layoutMismatch: true, usReading: '5CG12YZ4QA' });
  });

  it('flags an AZERTY serial typed as symbols (the issue: `_UVé(&-...` accepted)', () => {
    const rng = seeded(8);
    const [burst] = runEvents(scannerEvents('8UV2516AQW', fastScanner(rng, { pcLayout: 'fr', terminator: 'Enter' }), rng, 0));
    expect(burst?.accepted).toBe(true);
    expect(burst?.layoutMismatch).toBe(true);
    expect(burst?.text).not.toBe('8UV2516AQW');
  });

  it('repairs an AZERTY PKID from the digit keys, unflagged', () => {
    const rng = seeded(9);
    const [burst] = runEvents(scannerEvents(PKID, fastScanner(rng, { pcLayout: 'fr', terminator: 'Enter' }), rng, 0));
    expect(burst).toMatchObject({ text: PKID, recoveredFromCodes: true, layoutMismatch: false });
  });

  it('never passes a damaged serial as clean on any layout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom('de', 'fr', 'dvorak', 'se', 'uk'), (seed, layout) => {
        const rng = seeded(seed);
        const serial = randomSerial(rng);
        const [burst] = runEvents(scannerEvents(serial, fastScanner(rng, { pcLayout: layout, terminator: 'Enter' }), rng, 0)).filter((b) => b.accepted);
        if (burst !== undefined && !burst.layoutMismatch) expect(burst.text).toBe(serial);
      }),
      { numRuns: 300 },
    );
  });
});

describe('typing, then scanning', () => {
  it('takes a scan that starts 80–100 ms after a key typed in a field, without that key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.double({ min: 80, max: 100, noNaN: true }), fc.boolean(), (seed, after, slow) => {
        const rng = seeded(seed);
        const typed = typingEvents('lap', () => 110 + rng() * 100, () => 60 + rng() * 40, 0, false);
        const lastDown = Math.max(...typed.filter((e) => e.type === 'down').map((e) => e.time));
        const payload = randomPkid(rng);
        const scan = scannerEvents(payload, slow ? slowScanner(rng, { terminator: 'Enter', stalls: [], paceMs: 15 + rng() * 25 }) : fastScanner(rng, { terminator: 'Enter', stalls: [] }), rng, lastDown + after);
        const taken = runEvents([...typed, ...scan].sort((a, b) => a.time - b.time)).filter((b) => b.accepted);
        expect(taken.map((b) => b.text)).toEqual([payload]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('seeded corpus', () => {
  it('takes no human typing and no wrong value in more than 2 % of any scanner class', () => {
    const matrix = confusion(buildCorpus(20261207, 100), 20261207);
    expect(matrix['human-typing']['human-taken']).toBe(0);
    expect(matrix['fast-typist']['human-taken']).toBe(0);
    // The corpus's Bluetooth scanners reach 45 ms per key ± 25 %, past the 40 ms the defaults promise.
    const least = { 'fast-usb': 99, 'slow-bluetooth': 90, 'gs-variants': 95, 'typing-then-scan': 93, 'foreign-layout-learned': 93 } as const;
    for (const [cls, right] of Object.entries(least) as [keyof typeof least, number][]) {
      expect(matrix[cls].right).toBeGreaterThanOrEqual(right);
      expect(matrix[cls].wrong).toBeLessThanOrEqual(2);
    }
    expect(matrix['foreign-layout'].wrong).toBeLessThanOrEqual(2);
  });

  it('reads serials right on a foreign layout once the scanner is learned', () => {
    for (const layout of ['de', 'fr', 'dvorak', 'se'] as const) {
      const profile = learnedProfile(layout, 11);
      const rng = seeded(12);
      const serial = '5CG1YZAQWM';
      const [burst] = runEvents(scannerEvents(serial, fastScanner(rng, { pcLayout: layout, terminator: 'Enter' }), rng, 0), [profile]).filter((b) => b.accepted);
      expect(burst).toMatchObject({ text: serial, layoutMismatch: false, profileId: `scanner-${layout}` });
    }
  });
});
