// The PIN lock-out across the fleet, beside the station's own (pin-guard.ts, which stays as it is and
// runs first): an attempt is counted on the hub too, before the PIN is checked, so wrong PINs spread
// over several docks reach one limit. When the hub cannot be reached the station's own count is all
// there is; its wrong PINs are kept and pushed with the next round, so they count on the hub later.
// A sign-in must not wait on a cut network: the hub gets a short connect timeout, and after a failure
// it is left alone for a while (those attempts are counted here and pushed later).
import type { Hub } from '../../../db/hub/connect';
import { clearHubLock, reserveHubAttempt, settleHubAttempt, type HubLockState } from '../../../db/hub/repos/lockouts';
import { currentLink } from '../../../db/hub/local/link';
import { dropWaitingFailures, queueUnlock, recordOfflineFailure } from '../../../db/hub/local/pin-failures';
import type { StationDb } from '../../../db/open';
import type { Logger } from '../log';

/** How an attempt was counted beyond the station: on the hub, here only (hub away), or not at all (no fleet). */
export type FleetReservation = { readonly counted: 'hub'; readonly state: HubLockState } | { readonly counted: 'here' } | { readonly counted: 'none' };

export interface FleetPinCounter {
  reserve(nameKey: string): Promise<FleetReservation>;
  /** Settles a reserved attempt; the hub's state after it (null when the hub was not asked). */
  settle(nameKey: string, reservation: FleetReservation, right: boolean): Promise<HubLockState | null>;
  /** An admin unlocked the operator (or gave a new PIN) here: the hub's lock ends too, now or (hub away) with the next round. */
  unlock(nameKey: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface FleetPinsDeps {
  readonly db: StationDb;
  readonly stationId: string;
  readonly now: () => number;
  /** Opens the station's hub (with its saved or given password). */
  readonly open: (url: string, connectTimeoutMs: number) => Promise<Hub>;
  readonly logger?: Logger;
  readonly connectTimeoutMs?: number;
  /** After the hub failed, how long sign-ins count here only. */
  readonly backOffMs?: number;
}

export class FleetPins implements FleetPinCounter {
  private hub: { url: string; hub: Hub } | null = null;
  private downUntil = 0;

  constructor(private readonly deps: FleetPinsDeps) {}

  private async connection(): Promise<Hub | null> {
    const link = currentLink(this.deps.db);
    if (!link) return null;
    if (this.hub && this.hub.url === link.hubUrl) return this.hub.hub;
    await this.close();
    const hub = await this.deps.open(link.hubUrl, this.deps.connectTimeoutMs ?? 1500);
    this.hub = { url: link.hubUrl, hub };
    return hub;
  }

  private async ask<T>(fn: (hub: Hub) => Promise<T>): Promise<{ answer: T } | 'away' | 'none'> {
    if (!currentLink(this.deps.db)) return 'none';
    if (this.deps.now() < this.downUntil) return 'away';
    try {
      const hub = await this.connection();
      if (!hub) return 'none';
      try {
        return { answer: await fn(hub) };
      } catch {
        // A kept connection may have outlived its server (hub restarted): once more on a fresh one.
        await this.close();
        const fresh = await this.connection();
        if (!fresh) return 'none';
        return { answer: await fn(fresh) };
      }
    } catch (err) {
      this.downUntil = this.deps.now() + (this.deps.backOffMs ?? 10_000);
      this.deps.logger?.warn('fleet: PIN attempts are counted on this station only for now', { problem: err instanceof Error ? err.message : String(err) });
      await this.close();
      return 'away';
    }
  }

  async reserve(nameKey: string): Promise<FleetReservation> {
    const asked = await this.ask((hub) => reserveHubAttempt(hub.db, this.deps.stationId, nameKey));
    if (asked === 'none') return { counted: 'none' };
    if (asked === 'away') return { counted: 'here' };
    return { counted: 'hub', state: asked.answer };
  }

  async settle(nameKey: string, reservation: FleetReservation, right: boolean): Promise<HubLockState | null> {
    if (reservation.counted === 'none') return null;
    if (right) this.deps.db.transaction((tx) => dropWaitingFailures(tx, nameKey), { behavior: 'immediate' });
    if (reservation.counted === 'here') {
      if (!right) this.deps.db.transaction((tx) => recordOfflineFailure(tx, nameKey, this.deps.now()), { behavior: 'immediate' });
      return null;
    }
    // Counted on the hub already: a hub lost now leaves that count as it is, nothing is counted twice.
    const asked = await this.ask((hub) => settleHubAttempt(hub.db, this.deps.stationId, nameKey, right));
    return typeof asked === 'object' ? asked.answer : null;
  }

  async unlock(nameKey: string): Promise<boolean> {
    this.deps.db.transaction((tx) => dropWaitingFailures(tx, nameKey), { behavior: 'immediate' });
    const asked = await this.ask((hub) => clearHubLock(hub.db, this.deps.stationId, nameKey));
    if (asked === 'away') this.deps.db.transaction((tx) => queueUnlock(tx, nameKey, this.deps.now()), { behavior: 'immediate' });
    return typeof asked === 'object';
  }

  async close(): Promise<void> {
    const open = this.hub;
    this.hub = null;
    await open?.hub.close().catch(() => {});
  }
}
