// Assigning an Autopilot profile to a batch's registered devices (or unassigning it). Assigning is
// idempotent, so it runs while the lead waits (bounded) rather than through the outbox; a job still
// running at the end is reported as such, not guessed.
import { failSaying, followUp, ok, type ChannelOutput, type Result } from '../../../shared/contract';
import { explainDeviceError } from '../../../shared/domain/device-errors';
import { findBatch } from '../../../db/repos/batches';
import { liveDevicesInState, updateDevice } from '../../../db/repos/devices';
import type { HandlerContext } from '../context';
import { remoteFailure } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';
import { explainPartnerRefusal } from '../refusal';
import { identifyRegistered } from '../sync/identify-registered';

const CHUNK = 500;
const POLL_MS = [1_000, 1_000, 2_000, 3_000, 5_000, 8_000, 10_000, 15_000, 15_000];

export interface ProfileAssignment {
  batchId: number;
  /** null: unassign (the devices keep no Partner Center profile). */
  policyId: string | null;
  /** Only these of the batch's registered devices; all of them when left out. */
  deviceIds?: number[];
}

export async function assignProfile(ctx: HandlerContext, link: PartnerLink, { batchId, policyId, deviceIds }: ProfileAssignment, sleep: (ms: number) => Promise<void>): Promise<Result<ChannelOutput<'profiles:assign'>>> {
  const batch = findBatch(ctx.db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  if (!batch.customerTenantId) return failSaying('INVALID_STATE', 'profiles.noCustomer', { batch: batch.name }, `Batch ${batch.name} has no customer yet: approve and upload it first.`);
  const customerId = batch.customerTenantId;
  // Devices a job status did not name (hash-only uploads) are found in the batch's device list first.
  await identifyRegistered(link.work, batch, customerId);
  const only = deviceIds ? new Set(deviceIds) : null;
  const live = liveDevicesInState(ctx.db, batchId, 'registered').filter((d) => !only || only.has(d.id));
  const targets = live.filter((d) => d.remoteDeviceId !== null);
  const skipped = live.length - targets.length;
  if (targets.length === 0) return failSaying('INVALID_STATE', policyId === null ? 'profiles.nothingToUnassign' : 'profiles.nothingToAssign', { batch: batch.name }, `Batch ${batch.name} has no registered devices with a Partner Center id to ${policyId === null ? 'unassign a profile from' : 'assign a profile to'} (devices the customer added itself are not the partner's to manage).`);
  const byRemote = new Map(targets.map((d) => [d.remoteDeviceId ?? '', d]));
  const failed: { deviceId: number; pkid: string | null; code: string; meaning: string; action: string; description: string | null }[] = [];
  let assigned = 0;
  let stillRunning = 0;
  for (let i = 0; i < targets.length; i += CHUNK) {
    const slice = targets.slice(i, i + CHUNK);
    // Unassigning sends the o_o_b_e key with no value (the SDK's own null policy); UNVERIFIED on the real service.
    const sent = await link.client.policies.assign(customerId, slice.map((d) => ({ id: d.remoteDeviceId ?? '', policies: [{ key: 'o_o_b_e', value: policyId }] })));
    if (!sent.ok) {
      const refusal = sent.error.kind === 'forbidden' ? await explainPartnerRefusal(ctx.db, link.client, sent.error, 'profile-write', customerId, ctx.now()) : undefined;
      const english = `The profile was ${policyId === null ? 'unassigned from' : 'assigned to'} ${assigned} devices before this failure; try again to finish.`;
      return remoteFailure(sent.error, followUp(policyId === null ? 'partner.then.unassignedBefore' : 'partner.then.assignedBefore', { count: assigned }, english), refusal);
    }
    const trackingId = sent.value.trackingId;
    let finished = false;
    for (const wait of trackingId ? POLL_MS : []) {
      await sleep(wait);
      const status = await link.client.jobs.status(customerId, trackingId ?? '');
      if (!status.ok) return remoteFailure(status.error, followUp('partner.then.checkAssignmentLater', {}, 'The assignment was sent; check the devices later.'));
      if (!status.value.done) continue;
      finished = true;
      ctx.write(['devices'], (tx) => {
        for (const s of status.value.devices) {
          const device = s.deviceId ? byRemote.get(s.deviceId) : undefined;
          if (!device) continue;
          if (s.failed) {
            const why = explainDeviceError(s.errorCode, s.errorDescription);
            failed.push({ deviceId: device.id, pkid: device.pkid, code: why.code, meaning: why.meaning, action: why.action, description: s.errorDescription ?? null });
            updateDevice(tx, device.id, { profileError: `${why.code}: ${why.meaning}` });
          } else {
            assigned++;
            updateDevice(tx, device.id, { profileId: policyId, profileError: null });
          }
        }
        ctx.audit(tx, { action: policyId === null ? 'profiles:unassign' : 'profiles:assign', objectType: 'batch', objectId: batchId, detail: { policyId, devices: slice.length, failed: failed.length, trackingId } });
      });
      break;
    }
    if (!finished) stillRunning += slice.length;
  }
  return ok({ assigned, skipped, failed, stillRunning });
}
