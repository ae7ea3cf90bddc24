// One uploader per customer across the fleet. Before uploading for a customer a station takes the
// customer's lease in the hub; before every request to Partner Center it calls `ensure()`, which
// proves the lease is still this station's (same epoch, not expired by the hub's clock) and renews it
// when half its time is gone. A lease that expired, was taken over, or cannot be proved (hub out of
// reach) stops the station before its next request: it throws UploadLeaseLost. The upload engine's
// request ids and crash reconciliation still apply on top: the lease decides who may send at all.
import type { Hub } from '../../../db/hub/connect';
import { hubProblem } from '../../../db/hub/errors';
import { releaseLease, stillHolds, takeLease } from '../../../db/hub/repos/upload-leases';

export const DEFAULT_LEASE_MS = 60_000;

export class UploadLeaseLost extends Error {
  constructor(
    readonly customerTenantId: string,
    reason: string,
  ) {
    super(`This station no longer holds the upload lease for customer ${customerTenantId} (${reason}): it stops before its next request; another station may be uploading for that customer.`);
    this.name = 'UploadLeaseLost';
  }
}

export interface UploadLease {
  readonly customerTenantId: string;
  readonly epoch: number;
  readonly expiresAt: () => Date;
  /** Call before each Partner Center request: resolves when the lease is still ours, throws UploadLeaseLost otherwise. */
  ensure(): Promise<void>;
  release(): Promise<void>;
}

export type LeaseAnswer = { held: true; lease: UploadLease } | { held: false; message: string };

export async function takeUploadLease(hub: Hub, stationId: string, customerTenantId: string, ttlMs = DEFAULT_LEASE_MS, now: () => number = Date.now): Promise<LeaseAnswer> {
  const taken = await takeLease(hub.db, stationId, customerTenantId, ttlMs).catch((err: unknown) => Promise.reject(hubProblem(err, hub.where)));
  if (!taken.held) {
    const holder = taken.holder;
    return { held: false, message: holder ? `${holder.stationName} is uploading for customer ${customerTenantId} (its lease runs until ${holder.expiresAt.toISOString()} unless renewed).` : `Another station just gave up the upload lease for customer ${customerTenantId}: try again.` };
  }
  const { epoch } = taken;
  let expiresAt = taken.expiresAt;
  // Renewal is timed by how long we have held it on our own clock; expiry is always the hub's.
  let renewedAt = now();
  let lost: string | null = null;
  return {
    held: true,
    lease: {
      customerTenantId,
      epoch,
      expiresAt: () => expiresAt,
      async ensure() {
        if (lost) throw new UploadLeaseLost(customerTenantId, lost);
        try {
          if (!(await stillHolds(hub.db, stationId, { customerTenantId, epoch }))) lost = 'it expired or another station took it';
          else if (now() - renewedAt >= ttlMs / 2) {
            const renewed = await takeLease(hub.db, stationId, customerTenantId, ttlMs);
            if (renewed.held && renewed.epoch === epoch) {
              expiresAt = renewed.expiresAt;
              renewedAt = now();
            } else lost = 'another station took it';
          }
        } catch (err) {
          lost = `the hub cannot confirm it: ${hubProblem(err, hub.where).message}`;
        }
        if (lost) throw new UploadLeaseLost(customerTenantId, lost);
      },
      async release() {
        lost ??= 'given back';
        await releaseLease(hub.db, stationId, { customerTenantId, epoch }).catch(() => {});
      },
    },
  };
}
