// The station's link to its fleet hub (one row, or none when the station is on its own).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { fleetLink } from './schema';

export type FleetLinkRow = typeof fleetLink.$inferSelect;

export function currentLink(db: Queryable): FleetLinkRow | null {
  return db.select().from(fleetLink).where(eq(fleetLink.id, 1)).get() ?? null;
}

/** Joining again (another hub, another name) starts the pull over; the outbox keeps its verdicts. */
export function saveLink(db: Queryable, link: { hubUrl: string; stationName: string; joinedAt: number }): void {
  const previous = currentLink(db);
  const sameHub = previous?.hubUrl === link.hubUrl;
  db.insert(fleetLink)
    .values({ id: 1, ...link })
    .onConflictDoUpdate({ target: fleetLink.id, set: { ...link, lastError: null, lastErrorAt: null, ...(sameHub ? {} : { pullCursor: 0, lastPullAt: null, lastPushAt: null }) } })
    .run();
}

export function dropLink(db: Queryable): void {
  db.delete(fleetLink).run();
}

export function notePushed(db: Queryable, at: number): void {
  db.update(fleetLink).set({ lastPushAt: at, lastError: null, lastErrorAt: null }).where(eq(fleetLink.id, 1)).run();
}

export function notePulled(db: Queryable, at: number, cursor: number): void {
  db.update(fleetLink).set({ lastPullAt: at, pullCursor: cursor, lastError: null, lastErrorAt: null }).where(eq(fleetLink.id, 1)).run();
}

export function noteHubProblem(db: Queryable, at: number, message: string): void {
  db.update(fleetLink).set({ lastError: message, lastErrorAt: at }).where(eq(fleetLink.id, 1)).run();
}
