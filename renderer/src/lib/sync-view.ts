// How each upload-engine state reads at a glance: a short label in capitals and a colour class; and the
// counts and clock times the Upload and Partner screens say, in the operator's language.
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { i18n } from '../i18n';
import { formatNumber } from '../i18n/format';

/** The label of a state, from upload.sync.state.<state>. */
function stateLabel(t: TFunction<'upload'>, state: SyncStatus['state']): string {
  return t(`sync.state.${state}`);
}

/** The state's label; a wait with no problem behind it is Partner Center still working on a job. */
export function syncLabel(status: SyncStatus, t: TFunction<'upload'>): string {
  // Never "Up to date" next to refused devices, even from an engine that has not caught up yet.
  if (status.state === 'idle' && status.attentionDevices > 0) return stateLabel(t, 'needs-attention');
  if (status.state === 'waiting') return t(status.lastError ? 'sync.willRetry' : 'sync.inProgress');
  return stateLabel(t, status.state);
}

/**
 * The engine's one-line message. Between polls of a job the engine reports "Waiting to retry" although
 * nothing failed: Partner Center is still working on the upload, so it is said that way.
 */
export function syncMessage(status: SyncStatus, t: TFunction<'upload'>): string {
  if (status.state === 'idle' && status.attentionDevices > 0) return t('sync.attention', counted(status.attentionDevices));
  if (status.state === 'waiting' && !status.lastError && status.waitingDevices > 0) return t('sync.processing', counted(status.waitingDevices));
  return status.message;
}

/** A whole-number percentage, never NaN (an empty chunk counts as done). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/**
 * A count for a plural message: i18next picks the form by `count`, and the text shows `n`, the number
 * written the language's way ("1,240", "1.240", "1 240"), which {{count}} alone would not do.
 */
export function counted(count: number): { count: number; n: string } {
  return { count, n: formatNumber(count) };
}

/**
 * "14:05" today, "3 Nov 14:05" on other days: local time, as the warehouse clock shows it. The station
 * keeps one 24-hour clock in every language (English included, as before), so the hour cycle is fixed here.
 */
export function shortTime(at: number, now = Date.now()): string {
  // The station's English is British English: "3 Nov", not "Nov 3".
  const language = i18n.language === 'en' ? 'en-GB' : i18n.language;
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (new Date(now).toDateString() === new Date(at).toDateString()) return time;
  return `${new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(at)} ${time}`;
}
