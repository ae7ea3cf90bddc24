// Scan feedback tones made with WebAudio: no audio files to ship or load, one AudioContext made on first
// use (browsers only let it start after a user gesture, and a scan's keydown is one). Sound is a bonus
// on a loud dock, never a failure: every path that touches audio swallows errors.

export type FeedbackSound = 'accepted' | 'duplicate' | 'invalid';

interface Tone {
  readonly frequency: number;
  readonly type: OscillatorType;
  /** Start, relative to the sound's start, in seconds. */
  readonly at: number;
  readonly duration: number;
}

// Distinct in pitch, count and length, so they are told apart without looking: one short high beep,
// two mid beeps, one low long buzz (square/sawtooth carry better over machinery than a sine).
export const TONES: Readonly<Record<FeedbackSound, readonly Tone[]>> = {
  accepted: [{ frequency: 1760, type: 'sine', at: 0, duration: 0.09 }],
  duplicate: [
    { frequency: 880, type: 'square', at: 0, duration: 0.09 },
    { frequency: 880, type: 'square', at: 0.16, duration: 0.09 },
  ],
  invalid: [{ frequency: 160, type: 'sawtooth', at: 0, duration: 0.5 }],
};

export interface FeedbackSounds {
  play(sound: FeedbackSound): void;
  /** Closes the AudioContext; a later play() makes a new one. */
  dispose(): void;
}

export interface FeedbackSoundOptions {
  /** 0–1. */
  readonly volume?: number;
  /** For tests and for browsers without AudioContext; return undefined when there is no audio. */
  readonly createContext?: () => AudioContext | undefined;
}

function defaultContext(): AudioContext | undefined {
  const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
  return Ctor === undefined ? undefined : new Ctor();
}

// Short ramps at both ends: an oscillator switched on or off at full level clicks.
const RAMP_S = 0.005;

export function createFeedbackSounds(options: FeedbackSoundOptions = {}): FeedbackSounds {
  const volume = Math.min(1, Math.max(0, options.volume ?? 0.6));
  const make = options.createContext ?? defaultContext;
  let context: AudioContext | undefined;
  let unavailable = false;

  function getContext(): AudioContext | undefined {
    if (context !== undefined || unavailable) return context;
    try {
      context = make();
    } catch {
      context = undefined;
    }
    // No audio device or no API: stop trying, rather than throwing on every scan.
    if (context === undefined) unavailable = true;
    return context;
  }

  function playTone(ctx: AudioContext, tone: Tone, start: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.setValueAtTime(tone.frequency, start);
    const from = start + tone.at;
    const to = from + tone.duration;
    gain.gain.setValueAtTime(0, from);
    gain.gain.linearRampToValueAtTime(volume, from + RAMP_S);
    gain.gain.setValueAtTime(volume, to - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, to);
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start(from);
    osc.stop(to);
  }

  return {
    play(sound) {
      try {
        const ctx = getContext();
        if (ctx === undefined) return;
        if (ctx.state === 'suspended') void Promise.resolve(ctx.resume()).catch(() => undefined);
        const start = ctx.currentTime;
        for (const tone of TONES[sound]) playTone(ctx, tone, start);
      } catch {
        // audio is best effort
      }
    },
    dispose() {
      const ctx = context;
      context = undefined;
      unavailable = false;
      try {
        if (ctx !== undefined) void Promise.resolve(ctx.close()).catch(() => undefined);
      } catch {
        // already closed
      }
    },
  };
}
