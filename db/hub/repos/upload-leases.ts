// Upload leases: at most one station uploads for a customer at a time. Taking, renewing and checking a
// lease are single statements judged by the hub's clock, so two stations asking at once cannot both
// get it, and a station whose clock is off cannot stretch its lease.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { stations, uploadLeases } from '../schema';

export interface HeldLease {
  readonly held: true;
  readonly customerTenantId: string;
  readonly epoch: number;
  readonly expiresAt: Date;
}

export interface RefusedLease {
  readonly held: false;
  readonly customerTenantId: string;
  /** Who holds it now (null when it vanished between the two statements: just ask again). */
  readonly holder: { stationName: string; expiresAt: Date } | null;
}

/** Takes the customer's lease, or renews it when this station already holds it; refused while another's is live. */
export async function takeLease(db: HubDb, stationId: string, customerTenantId: string, ttlMs: number): Promise<HeldLease | RefusedLease> {
  const result = await db.execute<{ epoch: string; expires_at: Date | string }>(sql`
    INSERT INTO ${uploadLeases} (customer_tenant_id, station_id, epoch, acquired_at, expires_at)
    VALUES (${customerTenantId}, ${stationId}, 1, now(), now() + ${ttlMs} * interval '1 millisecond')
    ON CONFLICT (customer_tenant_id) DO UPDATE SET
      epoch = CASE WHEN ${uploadLeases}.station_id = excluded.station_id THEN ${uploadLeases}.epoch ELSE ${uploadLeases}.epoch + 1 END,
      acquired_at = CASE WHEN ${uploadLeases}.station_id = excluded.station_id THEN ${uploadLeases}.acquired_at ELSE now() END,
      station_id = excluded.station_id,
      expires_at = excluded.expires_at
    WHERE ${uploadLeases}.station_id = excluded.station_id OR ${uploadLeases}.expires_at <= now()
    RETURNING epoch, expires_at`);
  const row = result.rows[0];
  if (row) return { held: true, customerTenantId, epoch: Number(row.epoch), expiresAt: new Date(row.expires_at) };
  const [holder] = await db
    .select({ stationName: stations.name, expiresAt: uploadLeases.expiresAt })
    .from(uploadLeases)
    .innerJoin(stations, eq(stations.id, uploadLeases.stationId))
    .where(eq(uploadLeases.customerTenantId, customerTenantId));
  return { held: false, customerTenantId, holder: holder ?? null };
}

/** Whether this station still holds this very lease (same epoch, not expired): asked before each request. */
export async function stillHolds(db: HubDb, stationId: string, lease: { customerTenantId: string; epoch: number }): Promise<boolean> {
  const rows = await db
    .select({ epoch: uploadLeases.epoch })
    .from(uploadLeases)
    .where(and(eq(uploadLeases.customerTenantId, lease.customerTenantId), eq(uploadLeases.stationId, stationId), eq(uploadLeases.epoch, lease.epoch), gt(uploadLeases.expiresAt, sql`now()`)));
  return rows.length === 1;
}

/** Gives the lease back (only this very lease: one taken over meanwhile is left alone). */
export async function releaseLease(db: HubDb, stationId: string, lease: { customerTenantId: string; epoch: number }): Promise<void> {
  await db.update(uploadLeases).set({ expiresAt: sql`now()` }).where(and(eq(uploadLeases.customerTenantId, lease.customerTenantId), eq(uploadLeases.stationId, stationId), eq(uploadLeases.epoch, lease.epoch)));
}

export interface LeaseHolder {
  readonly customerTenantId: string;
  readonly stationName: string;
  readonly expiresAt: Date;
}

/** The live leases of the fleet: which station uploads for which customer. */
export async function liveLeases(db: HubDb): Promise<LeaseHolder[]> {
  return db
    .select({ customerTenantId: uploadLeases.customerTenantId, stationName: stations.name, expiresAt: uploadLeases.expiresAt })
    .from(uploadLeases)
    .innerJoin(stations, eq(stations.id, uploadLeases.stationId))
    .where(gt(uploadLeases.expiresAt, sql`now()`))
    .orderBy(uploadLeases.customerTenantId);
}
