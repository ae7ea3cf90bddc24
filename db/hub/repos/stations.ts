// The fleet's stations, in domain words: join, leave, and when each last pushed and pulled.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { HubError } from '../errors';
import { stations } from '../schema';

export interface HubStation {
  readonly id: string;
  readonly name: string;
  readonly joinedAt: Date;
  readonly lastPush: Date | null;
  readonly lastPull: Date | null;
  readonly leftAt: Date | null;
}

const UNIQUE_VIOLATION = '23505';

/** Joins (or re-joins) a station under its own id; the name must be free among the fleet's stations. */
export async function joinStation(db: HubDb, station: { id: string; name: string }): Promise<HubStation> {
  try {
    const [row] = await db
      .insert(stations)
      .values({ id: station.id, name: station.name })
      .onConflictDoUpdate({ target: stations.id, set: { name: station.name, leftAt: null, dbRole: sql`current_user` } })
      .returning();
    if (!row) throw new Error('the hub returned no station row');
    return row;
  } catch (err) {
    const code = (err as { code?: unknown; cause?: { code?: unknown } }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
    if (code === UNIQUE_VIOLATION) throw new HubError('failed', `Another station of this fleet is already called "${station.name}": choose another --station-name.`, { cause: err });
    throw err;
  }
}

export async function leaveStation(db: HubDb, id: string): Promise<void> {
  await db.update(stations).set({ leftAt: sql`now()` }).where(and(eq(stations.id, id), isNull(stations.leftAt)));
}

/**
 * Ties the station's row to the role it signs in with, for a station that joined before the hub knew
 * roles (row-level security then lets that role write the station's rows). A row another role holds is
 * left alone: the statement changes nothing then.
 */
export async function claimStationRole(db: HubDb, id: string): Promise<void> {
  await db.update(stations).set({ dbRole: sql`current_user` }).where(and(eq(stations.id, id), isNull(stations.dbRole)));
}

export async function markPushed(db: HubDb, id: string): Promise<void> {
  await db.update(stations).set({ lastPush: sql`now()` }).where(eq(stations.id, id));
}

export async function markPulled(db: HubDb, id: string): Promise<void> {
  await db.update(stations).set({ lastPull: sql`now()` }).where(eq(stations.id, id));
}

export async function fleetStations(db: HubDb): Promise<HubStation[]> {
  return db.select().from(stations).orderBy(stations.name);
}

export async function stationById(db: HubDb, id: string): Promise<HubStation | null> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  return row ?? null;
}
