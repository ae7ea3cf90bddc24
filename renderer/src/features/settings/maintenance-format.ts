// Words and numbers for the Maintenance tab: sizes, times and backup kinds as staff read them.
import type { BackupKind } from '../../../../shared/contract/backup';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatWhen(at: number): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export const backupKindLabels: Record<BackupKind, string> = {
  scheduled: 'Scheduled',
  'on-demand': 'Manual',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
};

export function scheduleWords(intervalHours: number, keep: number): string {
  if (intervalHours <= 0) return `Scheduled backups are off. Manual backups keep the newest ${keep}.`;
  const every = intervalHours === 1 ? 'Every hour' : intervalHours % 24 === 0 ? (intervalHours === 24 ? 'Every day' : `Every ${intervalHours / 24} days`) : `Every ${intervalHours} hours`;
  return `${every}; the newest ${keep} scheduled and manual backups are kept.`;
}

/** Whole percent copied, rounded down so 100 % means the copy is finished, never "almost". */
export function backupPercent(copiedPages: number, totalPages: number): number {
  if (totalPages <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((copiedPages * 100) / totalPages)));
}
