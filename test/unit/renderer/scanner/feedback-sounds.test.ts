import { describe, expect, it, vi } from 'vitest';
import { createFeedbackSounds, TONES, type FeedbackSound } from '../../../../renderer/src/scanner/feedback-sounds';

// jsdom has no WebAudio: a recording stand-in for the few AudioContext members the sounds use.
interface Played {
  type: string;
  frequency: number;
  start: number;
  stop: number;
}

function fakeContext(state: AudioContextState = 'running') {
  const played: Played[] = [];
  const param = () => ({ setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() });
  const ctx = {
    state,
    currentTime: 10,
    destination: {},
    resume: vi.fn(() => Promise.resolve()),
    close: vi.fn(() => Promise.resolve()),
    createGain: vi.fn(() => ({ gain: param(), connect: vi.fn() })),
    createOscillator: vi.fn(() => {
      const osc = {
        type: 'sine',
        frequency: { setValueAtTime: vi.fn((f: number) => (entry.frequency = f)) },
        connect: vi.fn(),
        start: vi.fn((t: number) => (entry.start = t)),
        stop: vi.fn((t: number) => (entry.stop = t)),
      };
      const entry: Played = { type: '', frequency: 0, start: 0, stop: 0 };
      Object.defineProperty(osc, 'type', { set: (v: string) => (entry.type = v), get: () => entry.type });
      played.push(entry);
      return osc;
    }),
  };
  return { ctx, played, asContext: () => ctx as unknown as AudioContext };
}

function playOnce(sound: FeedbackSound): Played[] {
  const fake = fakeContext();
  createFeedbackSounds({ createContext: fake.asContext }).play(sound);
  return fake.played;
}

describe('feedback sounds', () => {
  it('accepted: one short high beep', () => {
    const [beep, ...rest] = playOnce('accepted');
    expect(rest).toEqual([]);
    expect(beep?.frequency).toBeGreaterThanOrEqual(1000);
    expect((beep?.stop ?? 0) - (beep?.start ?? 0)).toBeLessThanOrEqual(0.15);
  });

  it('duplicate: two mid beeps with a gap between them', () => {
    const beeps = playOnce('duplicate');
    expect(beeps).toHaveLength(2);
    for (const b of beeps) expect(b.frequency).toBeGreaterThan(400);
    for (const b of beeps) expect(b.frequency).toBeLessThan(1200);
    expect(beeps[1]!.start).toBeGreaterThan(beeps[0]!.stop);
  });

  it('invalid: one low buzz, longer than the others', () => {
    const [buzz, ...rest] = playOnce('invalid');
    expect(rest).toEqual([]);
    expect(buzz?.frequency).toBeLessThan(300);
    expect(buzz?.type).not.toBe('sine');
    const length = (buzz?.stop ?? 0) - (buzz?.start ?? 0);
    for (const tone of [...TONES.accepted, ...TONES.duplicate]) expect(length).toBeGreaterThan(tone.duration * 2);
  });

  it('schedules from the context clock', () => {
    const [beep] = playOnce('accepted');
    expect(beep?.start).toBe(10);
  });

  it('makes one AudioContext, lazily, and reuses it', () => {
    const fake = fakeContext();
    const make = vi.fn(fake.asContext);
    const sounds = createFeedbackSounds({ createContext: make });
    expect(make).not.toHaveBeenCalled();
    sounds.play('accepted');
    sounds.play('invalid');
    sounds.play('duplicate');
    expect(make).toHaveBeenCalledTimes(1);
    expect(fake.played).toHaveLength(4);
  });

  it('resumes a suspended context (autoplay policy) before playing', () => {
    const fake = fakeContext('suspended');
    createFeedbackSounds({ createContext: fake.asContext }).play('accepted');
    expect(fake.ctx.resume).toHaveBeenCalledTimes(1);
    expect(fake.played).toHaveLength(1);
  });

  it('never throws without audio, and stops trying', () => {
    const none = vi.fn(() => undefined);
    const silent = createFeedbackSounds({ createContext: none });
    expect(() => silent.play('accepted')).not.toThrow();
    silent.play('invalid');
    expect(none).toHaveBeenCalledTimes(1);

    const throwing = createFeedbackSounds({
      createContext: () => {
        throw new Error('NotAllowedError');
      },
    });
    expect(() => throwing.play('duplicate')).not.toThrow();
  });

  it('never throws when the audio graph fails mid-way', () => {
    const fake = fakeContext();
    fake.ctx.createOscillator.mockImplementation(() => {
      throw new Error('InvalidStateError');
    });
    fake.ctx.resume.mockImplementation(() => Promise.reject(new Error('no device')));
    expect(() => createFeedbackSounds({ createContext: fake.asContext }).play('accepted')).not.toThrow();
  });

  it('works with the default factory in an environment with no AudioContext (jsdom)', () => {
    expect(globalThis.AudioContext).toBeUndefined();
    expect(() => createFeedbackSounds().play('accepted')).not.toThrow();
  });

  it('closes the context on dispose and makes a new one on the next play', () => {
    const first = fakeContext();
    const second = fakeContext();
    const make = vi.fn().mockReturnValueOnce(first.asContext()).mockReturnValueOnce(second.asContext());
    const sounds = createFeedbackSounds({ createContext: make });
    sounds.play('accepted');
    sounds.dispose();
    expect(first.ctx.close).toHaveBeenCalledTimes(1);
    sounds.play('accepted');
    expect(second.played).toHaveLength(1);
  });
});
