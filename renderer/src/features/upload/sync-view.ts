// How each upload-engine state reads at a glance: a short label in capitals and a colour class.
import type { SyncStatus } from '../../../../shared/contract/sync';
import { attentionMessage } from '../../../../shared/domain/sync-health';
import { plural as sayPlural, shortTime as sayShortTime } from '../../../../shared/domain/words';

export const syncStateLabels: Record<SyncStatus['state'], string> = {
  'not-configured': 'Not set up',
  idle: 'Up to date',
  'needs-attention': 'Needs attention',
  working: 'Uploading',
  waiting: 'Waiting',
  offline: 'Offline',
  'sign-in-needed': 'Sign-in needed',
  stopped: 'Stopped',
};

/** The state's label; a wait with no problem behind it is Partner Center still working on a job. */
export function syncLabel(status: SyncStatus): string {
  // Never "Up to date" next to refused devices, even from an engine that has not caught up yet.
  if (status.state === 'idle' && status.attentionDevices > 0) return syncStateLabels['needs-attention'];
  if (status.state === 'waiting') return status.lastError ? 'Will retry' : 'In progress';
  return syncStateLabels[status.state];
}

/**
 * The engine's one-line message. Between polls of a job the engine reports "Waiting to retry" although
 * nothing failed: Partner Center is still working on the upload, so it is said that way.
 */
export function syncMessage(status: SyncStatus): string {
  if (status.state === 'idle' && status.attentionDevices > 0) return attentionMessage(status.attentionDevices);
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

export const plural = sayPlural;

/** "14:05" today, "3 Nov 14:05" on other days: local time, as the warehouse clock shows it. */
export const shortTime = sayShortTime;
