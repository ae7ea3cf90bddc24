// Writes Partner Center's per-device answers onto the station's devices.
import { updateDevice } from '../../../db/repos/devices';
import type { StationTx } from '../../../db/types';
import type { ChunkDevice } from '../../../db/repos/uploads';
import { explainDeviceError } from '../../../shared/domain/device-errors';
import type { DeviceJobStatus } from '../../partner-center/jobs';
import { identityOf } from '../../../shared/domain/identity';
import { matchRemote } from './device-match';

export interface AppliedCounts {
  registered: number;
  failed: number;
  missing: number;
}

export function markRegistered(t: StationTx, deviceId: number, remoteDeviceId: string | null, note: { code: string; text: string } | null = null): void {
  updateDevice(t, deviceId, { state: 'registered', remoteDeviceId, errorCode: note?.code ?? null, errorText: note?.text ?? null });
}

export function markFailed(t: StationTx, deviceId: number, code: string, text: string): void {
  updateDevice(t, deviceId, { state: 'failed', errorCode: code, errorText: text });
}

/** A finished job: every device of the chunk gets an answer; one the job never mentioned is failed. */
export function applyJobResults(t: StationTx, list: readonly ChunkDevice[], statuses: readonly DeviceJobStatus[]): AppliedCounts {
  // Only what this job carried: a device registered before it was sent must not claim a status.
  const sent = list.filter((d) => d.state !== 'registered');
  const matched = matchRemote(sent, statuses);
  const counts: AppliedCounts = { registered: 0, failed: 0, missing: 0 };
  for (const device of sent) {
    const status = matched.get(device);
    if (!status) {
      markFailed(t, device.id, 'not-reported', 'Partner Center finished the upload without reporting this device. Retry it.');
      counts.missing++;
      continue;
    }
    if (!status.failed) {
      markRegistered(t, device.id, status.deviceId);
      counts.registered++;
      continue;
    }
    const identity = identityOf(device);
    const explained = explainDeviceError(status.errorCode, status.errorDescription, identity.ok ? identity.identity.kind : null);
    if (explained.outcome === 'registered') {
      markRegistered(t, device.id, status.deviceId, { code: explained.code, text: explained.meaning });
      counts.registered++;
    } else {
      markFailed(t, device.id, explained.code, status.errorDescription ? `${explained.name}: ${explained.meaning}` : explained.meaning);
      counts.failed++;
    }
  }
  return counts;
}
