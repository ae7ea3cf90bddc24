// Drives the emulator's switches through a seeded sequence of network trouble, one episode every
// 1–3 s: server errors, throttling with Retry-After, dropped connections, latency, and hangs that
// only the client's timeout ends. The same seed gives the same sequence, so a failing run can be
// repeated.
import type { EmulatorControl, SwitchesPatch } from '../../electron/practice/emulator';

import { seededRandom } from '../helpers/seeded-random';

export { seededRandom };

export type EpisodeKind = 'calm' | 'server-errors' | 'throttle' | 'drops' | 'latency' | 'hangs' | 'mixed';

export interface Episode {
  kind: EpisodeKind;
  lastsMs: number;
  patch: SwitchesPatch;
}

const KINDS: readonly EpisodeKind[] = ['calm', 'server-errors', 'throttle', 'drops', 'latency', 'hangs', 'mixed'];
const STATUSES = [500, 502, 503, 504] as const;

/** One episode's switches. `hangBeyondMs` is a latency the client's timeout must cut short. */
export function episodeFor(kind: EpisodeKind, random: () => number, hangBeyondMs: number): SwitchesPatch {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rate = () => 0.15 + random() * 0.35;
  const after = () => random() < 0.5;
  const calm = { latency: { ms: 0, jitterMs: 0 }, faults: [], throttle: { enabled: false } } satisfies SwitchesPatch;
  switch (kind) {
    case 'calm':
      return calm;
    case 'server-errors':
      return { ...calm, faults: [{ kind: 'status', status: pick(STATUSES), rate: rate(), after: after() }, { kind: 'status', status: pick(STATUSES), rate: rate() / 2 }] };
    case 'throttle':
      // A bucket so small that most requests are refused with 429 and a Retry-After of a second or two.
      return {
        ...calm,
        retryAfter: random() < 0.5 ? 'seconds' : 'http-date',
        throttle: { enabled: true, partner: { capacity: 4, refillPerSecond: 2 }, customer: { capacity: 1, refillPerSecond: 0.5 + random() }, routes: {} },
      };
    case 'drops':
      return { ...calm, faults: [{ kind: 'drop', rate: rate(), after: after() }] };
    case 'latency':
      // Mostly slow but in time; the jitter now and then goes past the client's deadline.
      return { ...calm, latency: { ms: 20 + random() * hangBeyondMs * 0.5, jitterMs: hangBeyondMs * 0.7 } };
    case 'hangs':
      return { ...calm, faults: [{ kind: 'hang', rate: rate(), after: after() }] };
    case 'mixed':
      return {
        ...calm,
        latency: { ms: 10 + random() * 60, jitterMs: 80 },
        faults: [
          { kind: 'hang', rate: rate() / 2, after: true, method: 'POST' },
          { kind: 'drop', rate: rate() / 2, after: after() },
          { kind: 'status', status: pick(STATUSES), rate: rate() / 2 },
        ],
      };
  }
}

export interface ChaosFigures {
  episodes: number;
  byKind: Partial<Record<EpisodeKind, number>>;
}

/**
 * Changes the switches every 0.3–1 s until `stop()`; stop() clears every fault and resolves with what
 * was injected. Switch changes are synchronous calls, so nothing here can reject unobserved.
 */
export function startChaos(control: EmulatorControl, options: { seed: number; hangBeyondMs: number }): { stop(): ChaosFigures } {
  const random = seededRandom(options.seed);
  const figures: ChaosFigures = { episodes: 0, byKind: {} };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = () => {
    // The first episode is never calm and episodes are short: an upload with steps in flight can finish
    // 1,000 devices in under a second, inside one calm episode, and then no fault was ever met.
    const kinds = figures.episodes === 0 ? KINDS.filter((k) => k !== 'calm') : KINDS;
    const kind = kinds[Math.floor(random() * kinds.length)] ?? 'calm';
    control.setSwitches(episodeFor(kind, random, options.hangBeyondMs));
    figures.episodes += 1;
    figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
    timer = setTimeout(next, 300 + random() * 700);
  };
  next();
  return {
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      control.resetSwitches();
      return figures;
    },
  };
}
