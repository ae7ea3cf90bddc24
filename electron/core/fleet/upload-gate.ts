// The fleet's side of the upload gate: a station in a fleet sends for a customer only while it holds
// that customer's upload lease in the hub (taken at the first send, proved and renewed before every
// send after). Another dock's lease, a lost one, or a hub that cannot confirm it: the send waits and
// the upload status says why, in words. A station on its own is never held back.
import type { StationDb } from '../../../db/open';
import type { GateAnswer, UploadGate } from '../sync/upload-gate';
import type { Fleet } from './fleet';
import { inFleet } from './lookups';
import type { UploadLease } from './upload-lease';

/** How long a held-back send waits before asking again (a lease runs 60 s; its holder renews at 30). */
export const LEASE_RETRY_MS = 15_000;

export class FleetUploadGate implements UploadGate {
  private readonly leases = new Map<string, UploadLease>();

  constructor(
    private readonly fleet: Fleet,
    private readonly db: StationDb,
    private readonly retryInMs = LEASE_RETRY_MS,
  ) {}

  async mayUpload(customerTenantId: string): Promise<GateAnswer> {
    if (!inFleet(this.db)) return { ok: true };
    let lease = this.leases.get(customerTenantId);
    if (!lease) {
      try {
        const answer = await this.fleet.uploadLease(customerTenantId);
        if (!answer.held) return this.wait(`${answer.message} This station's uploads for that customer wait their turn.`);
        lease = answer.lease;
        this.leases.set(customerTenantId, lease);
      } catch (err) {
        return this.wait(`Uploads for customer ${customerTenantId} wait: the fleet hub cannot confirm that this station may send (${err instanceof Error ? err.message : String(err)}).`);
      }
    }
    try {
      await lease.ensure();
      return { ok: true };
    } catch (err) {
      this.leases.delete(customerTenantId);
      await lease.release();
      return this.wait(err instanceof Error ? err.message : String(err));
    }
  }

  async close(): Promise<void> {
    const held = [...this.leases.values()];
    this.leases.clear();
    await Promise.all(held.map((l) => l.release()));
  }

  private wait(message: string): GateAnswer {
    return { ok: false, message, retryInMs: this.retryInMs };
  }
}
