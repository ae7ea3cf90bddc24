// Words and numbers for the Maintenance tab: sizes, times and backup kinds as staff read them, in the
// operator's language.
import type { BackupKind } from '../../../../shared/contract/backup';
import { i18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

const say = (key: string, params?: Record<string, string | number>): string => i18n.t(key, { ns: 'settings', ...params });

/** One decimal (two for gigabytes), in the language's digits; never grouped, as a size is under 1024 of its unit. */
function size(value: number, digits: number): string {
  return new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return say('bytes.b', { count: bytes });
  if (bytes < 1024 * 1024) return say('bytes.kb', { size: size(bytes / 1024, 1) });
  if (bytes < 1024 ** 3) return say('bytes.mb', { size: size(bytes / 1024 ** 2, 1) });
  return say('bytes.gb', { size: size(bytes / 1024 ** 3, 2) });
}

export function formatWhen(at: number): string {
  return formatDateTime(at);
}

export function backupKindLabel(kind: BackupKind): string {
  return say(`backupKind.${kind}`);
}

/** "Manual backup", "Scheduled backup": what the progress bar names. */
export function backupProgressLabel(kind: BackupKind): string {
  return say(`backupProgress.${kind}`);
}

export function scheduleWords(intervalHours: number, keep: number): string {
  if (intervalHours <= 0) return say('schedule.off', { count: keep });
  const every =
    intervalHours === 1 ? say('schedule.everyHour') : intervalHours % 24 === 0 ? (intervalHours === 24 ? say('schedule.everyDay') : say('schedule.everyDays', { count: intervalHours / 24 })) : say('schedule.everyHours', { count: intervalHours });
  return say('schedule.kept', { every, count: keep });
}

/** Whole percent copied, rounded down so 100 % means the copy is finished, never "almost". */
export function backupPercent(copiedPages: number, totalPages: number): number {
  if (totalPages <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((copiedPages * 100) / totalPages)));
}
