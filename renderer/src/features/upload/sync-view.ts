// How each upload-engine state reads at a glance: a short label in capitals and a colour class.
import type { SyncStatus } from '../../../../shared/contract/sync';

export const syncStateLabels: Record<SyncStatus['state'], string> = {
  'not-configured': 'Not set up',
  idle: 'Up to date',
  working: 'Uploading',
  waiting: 'Waiting',
  offline: 'Offline',
  'sign-in-needed': 'Sign-in needed',
  stopped: 'Stopped',
};

/** The state's label; a wait with no problem behind it is Partner Center still working on a job. */
export function syncLabel(status: SyncStatus): string {
  if (status.state === 'waiting') return status.lastError ? 'Will retry' : 'In progress';
  return syncStateLabels[status.state];
}

/**
 * The engine's one-line message. Between polls of a job the engine reports "Waiting to retry" although
 * nothing failed: Partner Center is still working on the upload, so it is said that way.
 */
export function syncMessage(status: SyncStatus): string {
  if (status.state === 'waiting' && !status.lastError && status.waitingDevices > 0) {
    return `Partner Center is processing the upload: ${plural(status.waitingDevices, 'device')} on the way.`;
  }
  return status.message;
}

/** A whole-number percentage, never NaN (an empty chunk counts as done). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "14:05" today, "3 Nov 14:05" on other days: local time, as the warehouse clock shows it. */
export function shortTime(at: number, now = Date.now()): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === d.toDateString() ? time : `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}
