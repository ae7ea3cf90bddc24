// Which of a batch's registered devices have no profile yet, and why (the reason a lead reads).
import { failSaying, ok, type ChannelOutput, type Result } from '../../../shared/contract';
import { CUSTOMER_ADDED } from '../../../shared/domain/device-errors';
import { findBatch } from '../../../db/repos/batches';
import { liveDevicesInState } from '../../../db/repos/devices';
import type { HandlerContext } from '../context';

function waitingReason(d: { profileError: string | null; errorCode: string | null; remoteDeviceId: string | null }): string {
  if (d.errorCode === CUSTOMER_ADDED.code) return 'Added by the customer itself (Intune or Store for Business): the customer assigns its profile in Intune.';
  if (d.profileError) return `Assigning the profile failed: ${d.profileError}`;
  if (d.remoteDeviceId === null) return 'Partner Center has not named this device yet: assigning a profile looks it up in the batch first.';
  return 'No profile assigned yet.';
}

export function profilesWaiting(ctx: HandlerContext, batchId: number): Result<ChannelOutput<'profiles:waiting'>> {
  const batch = findBatch(ctx.db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  const registered = liveDevicesInState(ctx.db, batchId, 'registered');
  const waiting = registered.filter((d) => d.profileId === null).map((d) => ({
    deviceId: d.id,
    pkid: d.pkid,
    serial: d.serial,
    reason: waitingReason(d),
    manageable: d.errorCode !== CUSTOMER_ADDED.code,
  }));
  return ok({ registered: registered.length, withProfile: registered.length - waiting.length, waiting: waiting.slice(0, 500), waitingCount: waiting.length });
}
