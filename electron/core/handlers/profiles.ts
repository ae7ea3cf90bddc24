// Autopilot profiles (Partner Center "configuration policies"): list a customer's, and assign one to
// a batch's registered devices. Assigning is idempotent, so it runs while the lead waits (bounded)
// rather than through the outbox; a job still running at the end is reported as such, not guessed.
import { and, eq, isNull } from 'drizzle-orm';
import { fail, ok } from '../../../shared/contract';
import { PROFILES_NOTE, type profileChannels } from '../../../shared/contract/profiles';
import { explainDeviceError } from '../../../shared/domain/device-errors';
import { devices } from '../../../db/schema';
import { findBatch } from '../../../db/repos/batches';
import type { Handlers } from '../dispatcher';
import { notConfigured, remoteFailure, type PartnerLink } from './partner';

const CHUNK = 500;
const POLL_MS = [1_000, 1_000, 2_000, 3_000, 5_000, 8_000, 10_000, 15_000, 15_000];

export function profileHandlers(link: PartnerLink | null, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Pick<Handlers, keyof typeof profileChannels> {
  return {
    'profiles:list': async ({ customerTenantId }) => {
      if (!link) return notConfigured();
      const res = await link.client.policies.list(customerTenantId);
      if (!res.ok) return remoteFailure(res.error, 'The profile list could not be read.');
      const profiles = res.value.items.map((p) => ({ id: p.id, name: p.name, description: p.description ?? null, settings: p.policySettings ?? [], devicesAssigned: p.devicesAssigned ?? null }));
      return ok({ profiles, note: PROFILES_NOTE });
    },

    'profiles:assign': async ({ batchId, policyId }, ctx) => {
      if (!link) return notConfigured();
      const batch = findBatch(ctx.db, batchId);
      if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
      if (!batch.customerTenantId) return fail('INVALID_STATE', `Batch ${batch.name} has no customer yet: approve and upload it first.`);
      const customerId = batch.customerTenantId;
      const live = ctx.db.select().from(devices).where(and(eq(devices.batchId, batchId), isNull(devices.removedAt), eq(devices.state, 'registered'))).all();
      const targets = live.filter((d) => d.remoteDeviceId !== null);
      const skipped = live.length - targets.length;
      if (targets.length === 0) return fail('INVALID_STATE', `Batch ${batch.name} has no registered devices with a Partner Center id to assign a profile to.`);
      const byRemote = new Map(targets.map((d) => [d.remoteDeviceId ?? '', d]));
      const failed: { deviceId: number; pkid: string | null; code: string; meaning: string; action: string }[] = [];
      let assigned = 0;
      let stillRunning = 0;
      for (let i = 0; i < targets.length; i += CHUNK) {
        const slice = targets.slice(i, i + CHUNK);
        const sent = await link.client.policies.assign(customerId, slice.map((d) => ({ id: d.remoteDeviceId ?? '', policies: [{ key: 'o_o_b_e', value: policyId }] })));
        if (!sent.ok) return remoteFailure(sent.error, `The profile was assigned to ${assigned} devices before this failure; assign again to finish.`);
        const trackingId = sent.value.trackingId;
        let finished = false;
        for (const wait of trackingId ? POLL_MS : []) {
          await sleep(wait);
          const status = await link.client.jobs.status(customerId, trackingId ?? '');
          if (!status.ok) return remoteFailure(status.error, 'The assignment was sent; check the devices later.');
          if (!status.value.done) continue;
          finished = true;
          ctx.write(['devices'], (tx) => {
            for (const s of status.value.devices) {
              const device = s.deviceId ? byRemote.get(s.deviceId) : undefined;
              if (!device) continue;
              if (s.failed) {
                const why = explainDeviceError(s.errorCode, s.errorDescription);
                failed.push({ deviceId: device.id, pkid: device.pkid, code: why.code, meaning: why.meaning, action: why.action });
                tx.update(devices).set({ profileError: `${why.code}: ${why.meaning}` }).where(eq(devices.id, device.id)).run();
              } else {
                assigned++;
                tx.update(devices).set({ profileId: policyId, profileError: null }).where(eq(devices.id, device.id)).run();
              }
            }
            ctx.audit(tx, { action: 'profiles:assign', objectType: 'batch', objectId: batchId, detail: { policyId, devices: slice.length, failed: failed.length, trackingId } });
          });
          break;
        }
        if (!finished) stillRunning += slice.length;
      }
      return ok({ assigned, skipped, failed, stillRunning });
    },
  };
}
