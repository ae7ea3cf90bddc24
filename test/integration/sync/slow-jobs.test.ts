// Jobs that never finish (issue 16, item 7): past ~10 minutes a job is reported as slow instead of being
// polled silently forever; it keeps being polled with growing waits, and the batch's device list is
// read each time so devices Partner Center already holds are registered. The engine's clock is
// injected: no test waits ten minutes, and nothing asserts on elapsed time.
import { afterEach, describe, expect, it } from 'vitest';
import { filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import type { SyncEngine } from '../../../electron/core/sync/engine';

let w: SyncWorld | undefined;
let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  await w?.engine.stop();
  await w?.close();
  w = engine = undefined;
});

const MIN = 60_000;
const production = { firstPollMs: 1_000, maxPollMs: MIN, slowJobMs: 10 * MIN, slowPollMaxMs: 5 * MIN, retryBaseMs: 5_000, retryMaxMs: 5 * MIN };

function chunk(world: SyncWorld): { state: string; next_attempt_at: number; last_error: string | null } {
  return world.t.station.database.sqlite.prepare('SELECT state, next_attempt_at, last_error FROM uploads ORDER BY id LIMIT 1').get() as { state: string; next_attempt_at: number; last_error: string | null };
}
const audits = (world: SyncWorld, action: string) =>
  (world.t.station.database.sqlite.prepare('SELECT count(*) AS n FROM audit WHERE action = ?').get(action) as { n: number }).n;

describe('a job that never finishes', () => {
  it('is reported slow after 10 minutes, polled with growing waits, then reconciled from the device list', async () => {
    w = await syncWorld({ filed: 3, switches: { stuckJobs: true, stuckJobsAt: 'before-devices' } });
    let clock = Date.now() + 1_000;
    engine = w.newEngine(production, () => clock);
    const batchId = w.approvedBatch('Stuck', filedPkids(3));
    expect(await engine.step()).toBe('worked');
    expect(chunk(w).state).toBe('accepted');
    // Polled at the steady pace while young: not slow.
    for (let i = 0; i < 3; i++) {
      clock = chunk(w).next_attempt_at;
      await engine.step();
    }
    expect(engine.getStatus().message).not.toMatch(/slow/i);
    expect(audits(w, 'uploads:slow')).toBe(0);

    clock += 10 * MIN;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock = Math.max(clock, chunk(w).next_attempt_at);
      await engine.step();
      waits.push(chunk(w).next_attempt_at - clock);
    }
    expect(engine.getStatus()).toMatchObject({ state: 'working', message: expect.stringMatching(/^Slow: Partner Center has been processing batch Stuck for 1\d min\. 3 still wait/) });
    expect(audits(w, 'uploads:slow')).toBe(1);
    expect(chunk(w).state).toBe('accepted');
    // Growing waits (back-off), capped at five minutes: never a tight loop, never given up.
    expect(waits.every((ms, i) => i === 0 || ms >= (waits[i - 1] ?? 0))).toBe(true);
    expect(waits[0]).toBeGreaterThanOrEqual(MIN);
    expect(waits.at(-1)).toBe(5 * MIN);
    expect(w.deviceStates(batchId)).toEqual({ sending: 3 });

    // Partner Center registers the devices but the job still says "processing".
    w.emu.control.setSwitches({ stuckJobsAt: 'after-devices' });
    clock = chunk(w).next_attempt_at;
    await engine.step();
    clock = Math.max(clock, chunk(w).next_attempt_at);
    await engine.step();
    expect(w.deviceStates(batchId)).toEqual({ registered: 3 });
    expect(w.batchState(batchId)).toBe('registered');
    expect(chunk(w)).toMatchObject({ state: 'done', last_error: null });
    expect(w.emu.control.duplicates()).toEqual([]);
  });
});

describe('a success with an errorCode', () => {
  it.each(['zero', 'empty'] as const)('errorCode %s with status finished is registered, not failed', async (successErrorCode) => {
    w = await syncWorld({ filed: 2, switches: { successErrorCode } });
    const batchId = w.approvedBatch(`Codes-${successErrorCode}`, filedPkids(2));
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 2 });
    expect(w.batchState(batchId)).toBe('registered');
  });
});
