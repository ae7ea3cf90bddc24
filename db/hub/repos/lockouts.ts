// The PIN lock-out across the fleet, per operator name. Each step is one statement that decides and
// counts at once (INSERT … ON CONFLICT DO UPDATE … RETURNING, or an UPDATE … WHERE), never a read
// followed by a write, so guesses at two docks at the same instant are both counted. The rule is the
// station's own (shared/domain/pin.ts): an attempt is counted before its PIN is checked; the attempt
// past the limit, or the wrong PIN that reaches it, locks; a right PIN clears the count unless locked.
// Times are the hub's: a station's clock may be off, so answers say how long is left, not until when.
import { sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { LOCKOUT_BASE_MS, LOCKOUT_MAX_MS, LOCKOUT_THRESHOLD } from '../../../shared/domain/pin';
import { operatorLockouts, pinFailures } from '../schema';

export interface HubLockState {
  /** Attempts counted since the last right PIN or lock-out (in flight or failed). */
  readonly attempts: number;
  /** Milliseconds the name stays locked by the hub's clock; null when not locked. */
  readonly lockedForMs: number | null;
}

interface StateRow extends Record<string, unknown> {
  attempts: number | string | null;
  locked_ms: number | string | null;
}

const state = (row: StateRow | undefined): HubLockState => ({
  attempts: Number(row?.attempts ?? 0),
  lockedForMs: row?.locked_ms === null || row?.locked_ms === undefined ? null : Math.max(1, Math.ceil(Number(row.locked_ms))),
});

const t = operatorLockouts;
/** The lock's length after `lockouts` earlier ones (lockoutDurationMs in SQL). */
const duration = (lockouts: ReturnType<typeof sql>) => sql`least(${LOCKOUT_MAX_MS}::bigint, ${LOCKOUT_BASE_MS}::bigint * power(2, least(${lockouts}, 16))::bigint) * interval '1 millisecond'`;
const lockedMs = sql`CASE WHEN locked_until > now() THEN extract(epoch FROM locked_until - now()) * 1000 END`;

/** Counts an attempt before its PIN is checked; the answer says whether the name is (now) locked. */
export async function reserveHubAttempt(db: HubDb, stationId: string, nameKey: string): Promise<HubLockState> {
  const locked = sql`(${t}.locked_until IS NOT NULL AND ${t}.locked_until > now())`;
  const full = sql`(${t}.attempts >= ${LOCKOUT_THRESHOLD})`;
  const result = await db.execute<StateRow>(sql`
    INSERT INTO ${t} (name_key, attempts, lockouts, locked_until, updated_at, updated_by_station)
    VALUES (${nameKey}, 1, 0, NULL, now(), ${stationId})
    ON CONFLICT (name_key) DO UPDATE SET
      attempts = CASE WHEN ${locked} THEN ${t}.attempts WHEN ${full} THEN 0 ELSE ${t}.attempts + 1 END,
      lockouts = CASE WHEN NOT ${locked} AND ${full} THEN ${t}.lockouts + 1 ELSE ${t}.lockouts END,
      locked_until = CASE WHEN ${locked} THEN ${t}.locked_until WHEN ${full} THEN now() + ${duration(sql`${t}.lockouts`)} ELSE ${t}.locked_until END,
      updated_at = now(),
      updated_by_station = excluded.updated_by_station
    RETURNING attempts, ${lockedMs} AS locked_ms`);
  return state(result.rows[0]);
}

/** Settles a counted attempt: a right PIN clears the count (unless a lock began meanwhile); a wrong one that reaches the limit locks. */
export async function settleHubAttempt(db: HubDb, stationId: string, nameKey: string, right: boolean): Promise<HubLockState> {
  const unlocked = sql`(locked_until IS NULL OR locked_until <= now())`;
  const change = right
    ? sql`UPDATE ${t} SET attempts = 0, lockouts = 0, locked_until = NULL, updated_at = now(), updated_by_station = ${stationId} WHERE name_key = ${nameKey} AND ${unlocked}`
    : sql`UPDATE ${t} SET attempts = 0, lockouts = lockouts + 1, locked_until = now() + ${duration(sql`lockouts`)}, updated_at = now(), updated_by_station = ${stationId} WHERE name_key = ${nameKey} AND ${unlocked} AND attempts >= ${LOCKOUT_THRESHOLD}`;
  // The CTE's outer read sees the row as it was before the change: the change's own answer comes first.
  const result = await db.execute<StateRow>(sql`
    WITH changed AS (${change} RETURNING attempts, ${lockedMs} AS locked_ms)
    SELECT attempts, locked_ms FROM changed
    UNION ALL
    SELECT attempts, ${lockedMs} AS locked_ms FROM ${t} WHERE name_key = ${nameKey} AND NOT EXISTS (SELECT 1 FROM changed)`);
  return state(result.rows[0]);
}

export interface OfflineFailure {
  readonly seq: number;
  readonly nameKey: string;
  readonly failedAt: Date;
}

/**
 * Wrong PINs a station counted on its own while the hub was away: each is recorded once by (station,
 * sequence) and only the newly recorded ones are added to the name's count, in one statement. A count
 * that reaches the limit locks the name across the fleet.
 */
export async function pushOfflineFailures(db: HubDb, stationId: string, failures: readonly OfflineFailure[]): Promise<void> {
  if (failures.length === 0) return;
  const rows = sql.join(
    failures.map((f) => sql`(${stationId}::uuid, ${f.seq}::bigint, ${f.nameKey}, ${f.failedAt.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const locked = sql`(${t}.locked_until IS NOT NULL AND ${t}.locked_until > now())`;
  // On a conflict `excluded` is the proposed new row: its attempts are the fresh count (below the limit, or 0 with a lock).
  const incoming = sql`(CASE WHEN excluded.locked_until IS NOT NULL THEN ${LOCKOUT_THRESHOLD} ELSE excluded.attempts END)`;
  const reaches = sql`(${t}.attempts + ${incoming} >= ${LOCKOUT_THRESHOLD})`;
  await db.execute(sql`
    WITH fresh AS (
      INSERT INTO ${pinFailures} (station_id, station_seq, name_key, failed_at) VALUES ${rows}
      ON CONFLICT DO NOTHING RETURNING name_key
    ), counted AS (SELECT name_key, count(*)::int AS n FROM fresh GROUP BY name_key)
    INSERT INTO ${t} (name_key, attempts, lockouts, locked_until, updated_at, updated_by_station)
    SELECT name_key, CASE WHEN n >= ${LOCKOUT_THRESHOLD} THEN 0 ELSE n END, CASE WHEN n >= ${LOCKOUT_THRESHOLD} THEN 1 ELSE 0 END,
      CASE WHEN n >= ${LOCKOUT_THRESHOLD} THEN now() + ${duration(sql`0`)} END, now(), ${stationId} FROM counted
    ON CONFLICT (name_key) DO UPDATE SET
      attempts = CASE WHEN ${locked} THEN ${t}.attempts WHEN ${reaches} THEN 0 ELSE ${t}.attempts + ${incoming} END,
      lockouts = CASE WHEN NOT ${locked} AND ${reaches} THEN ${t}.lockouts + 1 ELSE ${t}.lockouts END,
      locked_until = CASE WHEN ${locked} THEN ${t}.locked_until WHEN ${reaches} THEN now() + ${duration(sql`${t}.lockouts`)} ELSE ${t}.locked_until END,
      updated_at = now(),
      updated_by_station = excluded.updated_by_station`);
}

/** An admin's unlock (or new PIN) at one dock ends the name's count and lock-out across the fleet. */
export async function clearHubLock(db: HubDb, stationId: string, nameKey: string): Promise<void> {
  await db.execute(sql`UPDATE ${t} SET attempts = 0, lockouts = 0, locked_until = NULL, updated_at = now(), updated_by_station = ${stationId} WHERE name_key = ${nameKey}`);
}

/** Every name the hub counts attempts for, with how long each stays locked by the hub's clock (null: not locked). */
export async function hubLockStates(db: HubDb): Promise<{ nameKey: string; lockedForMs: number | null }[]> {
  const result = await db.execute<{ name_key: string; locked_ms: number | string | null }>(sql`SELECT name_key, ${lockedMs} AS locked_ms FROM ${t}`);
  return result.rows.map((r) => ({ nameKey: r.name_key, lockedForMs: r.locked_ms === null ? null : Math.max(1, Math.ceil(Number(r.locked_ms))) }));
}
