import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../../../shared/domain/wedge/keystroke';
import { learnScanner, type LearnSample } from '../../../../../shared/domain/wedge/learn';
import { readWithProfile, ScannerProfileSchema } from '../../../../../shared/domain/wedge/profile';
import { TEST_LABEL_CONTENT } from '../../../../../shared/domain/wedge/test-label';
import { fastScanner, scannerEvents, seeded, slowScanner, type ScannerSim } from '../../../../fixtures/scanner/keystroke-corpus';
import { LAYOUTS } from '../../../../fixtures/scanner/pc-layouts';
import { runEvents } from '../../../../fixtures/scanner/run-corpus';

function samplesOf(sim: ScannerSim, seed: number, times = 3, content = TEST_LABEL_CONTENT): LearnSample[] {
  const rng = seeded(seed);
  return Array.from({ length: times }, () => {
    const bursts = runEvents(scannerEvents(content, { ...sim, stalls: [] }, rng, 1000));
    const b = bursts[bursts.length - 1];
    if (b === undefined) throw new Error('no burst');
    return { keys: b.keys, gaps: b.gaps, terminator: b.terminator };
  });
}
const opts = { id: 'dock-1', name: 'Dock 1 scanner', now: 1 };

describe('learning a scanner from the test label', () => {
  it('learns every layout, scanner and PC alike, so the label reads back exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYOUTS), fc.constantFrom(...LAYOUTS), fc.integer({ min: 1, max: 2 ** 30 }), (scannerLayout, pcLayout, seed) => {
        const sim = fastScanner(seeded(seed), { scannerLayout, pcLayout, terminator: 'Enter' });
        const learned = learnScanner(samplesOf(sim, seed), opts);
        if (!learned.ok) throw new Error(learned.problems.join(' '));
        expect(ScannerProfileSchema.safeParse(learned.profile).success).toBe(true);
        const [again] = samplesOf(sim, seed + 1, 1);
        expect(readWithProfile(again?.keys ?? [], learned.profile)?.text).toBe(TEST_LABEL_CONTENT);
      }),
      { numRuns: 60 },
    );
  });

  it('finds the prefix, the AIM identifier, the suffix and the terminator', () => {
    const sim = fastScanner(seeded(3), { prefix: '#', terminator: 'Tab', pcLayout: 'us' });
    const learned = learnScanner(samplesOf(sim, 3, 3, `]C0${TEST_LABEL_CONTENT}X`), opts);
    expect(learned.ok && learned.profile).toMatchObject({ prefix: '#', aim: ']C0', suffix: 'X', terminator: 'Tab' });
  });

  it.each([
    ['ctrl-bracket', 'ctrl-bracket', ''],
    ['alt-code', 'alt-code', ''],
    ['text', 'text', '<GS>'],
    ['brace', 'text', '{GS}'],
  ] as const)('learns GS sent as %s', (gs, method, text) => {
    const learned = learnScanner(samplesOf(fastScanner(seeded(4), { gs, terminator: 'Enter' }), 4), opts);
    expect(learned.ok && learned.profile.gs).toEqual({ method, text });
  });

  it('learns a slow scanner with margin, and warns when there is no prefix to tell it from a typist', () => {
    const sim = slowScanner(seeded(5), { paceMs: 44, jitter: 0.1, terminator: 'Enter' });
    const learned = learnScanner(samplesOf(sim, 5), opts);
    if (!learned.ok) throw new Error(learned.problems.join(' '));
    expect(learned.profile.pace.slowMeanMs).toBe(50);
    expect(learned.profile.warnings.join(' ')).toMatch(/Set a prefix/);
    const prefixed = learnScanner(samplesOf({ ...sim, prefix: '~' }, 5), opts);
    expect(prefixed.ok && prefixed.profile.pace.slowMeanMs).toBeGreaterThan(55);
  });

  it('maps the keys of a US scanner on a German PC: Y and Z come back right', () => {
    const learned = learnScanner(samplesOf(fastScanner(seeded(6), { pcLayout: 'de', terminator: 'Enter' }), 6), opts);
    if (!learned.ok) throw new Error('not learned');
    expect(learned.profile.keymap[keyIdOf({ code: 'KeyY', shift: true, altGr: false })]).toBe('Y');
    expect(learned.profile.keymap[keyIdOf({ code: 'KeyZ', shift: true, altGr: false })]).toBe('Z');
  });

  it('says what is wrong with too few, cut or foreign reads, and learns nothing', () => {
    const sim = fastScanner(seeded(7), { terminator: 'Enter' });
    expect(learnScanner(samplesOf(sim, 7, 2), opts)).toEqual({ ok: false, problems: ['Scan the test label at least 3 times (2 so far).'] });
    const cut = samplesOf(sim, 7, 3, TEST_LABEL_CONTENT.slice(0, 30));
    const result = learnScanner(cut, opts);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/digits 0–9 at the end of the label were not found/);
    const other = samplesOf(sim, 7, 3, '5CG1234XYZ');
    expect(!learnScanner(other, opts).ok).toBe(true);
    const mixed = [...samplesOf(sim, 7, 2), ...samplesOf({ ...sim, terminator: 'Tab' }, 8, 1)];
    const mixedResult = learnScanner(mixed, opts);
    expect(!mixedResult.ok && mixedResult.problems.join(' ')).toMatch(/ended differently/);
  });

  it('never throws on arbitrary keystrokes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ keys: fc.array(fc.record({ key: fc.string({ maxLength: 2 }), code: fc.constantFrom('Digit0', 'Digit1', 'KeyA', 'Minus', 'x'), shift: fc.boolean(), altGr: fc.boolean() }), { maxLength: 80 }), gaps: fc.array(fc.nat(200), { maxLength: 80 }), terminator: fc.constantFrom('Enter', 'Tab', 'silence', 'interrupted') as fc.Arbitrary<LearnSample['terminator']> }), { maxLength: 5 }), (samples) => {
        const r = learnScanner(samples, opts);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
