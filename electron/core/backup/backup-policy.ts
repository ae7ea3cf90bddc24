// When the next scheduled backup is due and which old copies go: pure rules, so they are tested alone.
import type { BackupEntry } from '../../../shared/contract/backup';

const HOUR_MS = 3_600_000;

/** Copies the keep-count applies to; copies taken before a migration or a restore are never pruned. */
export function isRoutine(entry: Pick<BackupEntry, 'kind'>): boolean {
  return entry.kind === 'scheduled' || entry.kind === 'on-demand';
}

/** Milliseconds until the next scheduled backup (0 = due now), or null when the schedule is off. */
export function msUntilNextBackup(entries: readonly Pick<BackupEntry, 'kind' | 'at'>[], intervalHours: number, now: number): number | null {
  if (intervalHours <= 0) return null;
  const last = entries.filter(isRoutine).reduce<number | null>((max, e) => (max === null || e.at > max ? e.at : max), null);
  if (last === null) return 0;
  return Math.max(0, last + intervalHours * HOUR_MS - now);
}

/** The routine copies beyond the newest `keep`, oldest last. */
export function backupsToPrune<E extends Pick<BackupEntry, 'kind' | 'at'>>(entries: readonly E[], keep: number): E[] {
  return entries
    .filter(isRoutine)
    .toSorted((a, b) => b.at - a.at)
    .slice(Math.max(0, keep));
}
