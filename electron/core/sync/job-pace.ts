// When to first ask about a job just accepted. Polling at a fixed second costs status reads on jobs that
// cannot be done yet; the station instead learns how long this service's jobs take and asks about then.
// A job's run time lies between the age it was last seen running and the age it was seen done: a job
// seen running at its first poll moves the estimate to the middle of that span; one done at its first
// poll moves it a little earlier (the estimate may be long). Jobs accepted together run alike: while
// one has been seen running at some age, the others' first polls wait until that job's next poll
// instead of asking at the same age again. In memory only: a restart starts again from the
// configured first wait.
export class JobPace {
  private estimateMs: number;
  /** The oldest age a job has been seen running at since a job last finished (0: none). */
  private runningMs = 0;

  constructor(private readonly minMs: number, private readonly maxMs: number) {
    this.estimateMs = minMs;
  }

  firstPollMs(): number {
    return Math.round(this.estimateMs);
  }

  /**
   * Where a job's first poll (at `ageMs`) should wait until instead, in age; null when it should ask
   * now. `stepMs` is the wait between polls of a running job.
   */
  firstPollDeferredTo(ageMs: number, stepMs: number): number | null {
    const until = this.runningMs + stepMs;
    // A job running past the longest first wait is no guide: a stuck job must not hold new ones back.
    return this.runningMs > 0 && until <= this.maxMs && ageMs < until ? until : null;
  }

  /** A job seen still running `ageMs` after its 202. */
  running(ageMs: number): void {
    this.runningMs = Math.max(this.runningMs, ageMs);
  }

  /** A job seen done `doneAgeMs` after its 202; `runningAgeMs` is its age at the last poll that found it running, if any. */
  finished(doneAgeMs: number, runningAgeMs: number | null): void {
    const next = runningAgeMs === null ? this.estimateMs * 0.9 : (runningAgeMs + doneAgeMs) / 2;
    this.estimateMs = Math.min(this.maxMs, Math.max(this.minMs, next));
    this.runningMs = 0;
  }
}
