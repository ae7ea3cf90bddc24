// Turns a backup's copy steps into `backup:progress` payloads for every screen: one when it starts, the
// steps thinned out so a fast copy of a large database does not flood the event stream (SSE or IPC)
// with hundreds of events a second, and always the last one, so a screen never stays at 97 %.
import type { BackupKind, BackupProgressEvent } from '../../../shared/contract/backup';
import type { BackupProgress } from './take-backup';

/** At most five step events a second: enough for a bar to move smoothly, cheap for every front door. */
export const PROGRESS_EVERY_MS = 200;

export interface BackupProgressReporter {
  /** The backup starts; `estimatedPages` is the live database's size, until the first step says exactly. */
  start(estimatedPages: number): void;
  step(progress: BackupProgress): void;
  /** `pages` is the finished copy's size (all of it copied) when it succeeded. */
  end(outcome: 'ok', pages: number): void;
  end(outcome: 'failed'): void;
}

export interface ReporterOptions {
  readonly kind: BackupKind;
  readonly emit: (payload: BackupProgressEvent) => void;
  /** Least time between two events while copying; 0 reports every step. */
  readonly everyMs?: number;
  /** A monotonic clock in ms (wall-clock jumps must not silence or flood the bar). */
  readonly clock?: () => number;
}

export function backupProgressReporter({ kind, emit, everyMs = PROGRESS_EVERY_MS, clock = () => performance.now() }: ReporterOptions): BackupProgressReporter {
  let totalPages = 0;
  let copiedPages = 0;
  let lastAt = Number.NEGATIVE_INFINITY;

  const send = (running: boolean, outcome: BackupProgressEvent['outcome']): void => {
    lastAt = clock();
    emit({ running, kind, copiedPages, totalPages, outcome });
  };

  return {
    start(estimatedPages) {
      totalPages = Math.max(0, Math.trunc(estimatedPages));
      copiedPages = 0;
      send(true, null);
    },
    step({ totalPages: total, remainingPages }) {
      totalPages = total;
      copiedPages = Math.max(0, total - remainingPages);
      if (clock() - lastAt >= everyMs) send(true, null);
    },
    end(outcome: 'ok' | 'failed', pages?: number) {
      if (outcome === 'ok' && pages !== undefined) {
        totalPages = pages;
        copiedPages = pages;
      }
      send(false, outcome);
    },
  };
}
