import { describe, expect, it } from 'vitest';
import { JobPace } from '../../../../../electron/core/sync/job-pace';

describe('JobPace', () => {
  it('first polls at the configured wait until it has seen a job finish', () => {
    expect(new JobPace(1_000, 60_000).firstPollMs()).toBe(1_000);
  });

  it('moves to the middle of the span a job finished in, when its first poll found it running', () => {
    const pace = new JobPace(1_000, 60_000);
    pace.finished(2_000, 1_000);
    expect(pace.firstPollMs()).toBe(1_500);
  });

  it('asks a little earlier after a job that was done at its first poll, never below the configured wait', () => {
    const pace = new JobPace(1_000, 60_000);
    pace.finished(3_000, 2_000);
    pace.finished(2_500, null);
    expect(pace.firstPollMs()).toBe(2_250);
    for (let i = 0; i < 50; i++) pace.finished(1_000, null);
    expect(pace.firstPollMs()).toBe(1_000);
  });

  it('never waits longer than its ceiling for a first poll', () => {
    const pace = new JobPace(1_000, 60_000);
    pace.finished(9 * 60_000, 8 * 60_000);
    expect(pace.firstPollMs()).toBe(60_000);
  });

  it('holds back first polls of jobs younger than one seen running, until that job is asked again', () => {
    const pace = new JobPace(1_000, 60_000);
    expect(pace.firstPollDeferredTo(1_000, 1_000)).toBeNull();
    pace.running(1_000);
    expect(pace.firstPollDeferredTo(1_000, 1_000)).toBe(2_000);
    expect(pace.firstPollDeferredTo(2_000, 1_000)).toBeNull();
    // Once a job has finished, the next first polls go by the estimate again.
    pace.finished(2_000, 1_000);
    expect(pace.firstPollDeferredTo(1_000, 1_000)).toBeNull();
  });

  it('is not held back by a job running past the ceiling (a stuck job)', () => {
    const pace = new JobPace(1_000, 60_000);
    pace.running(59_500);
    expect(pace.firstPollDeferredTo(1_000, 1_000)).toBeNull();
  });
});
