// The station's recent tuple boxes (serial + manufacturer + model, no PKID or hash), newest first:
// what the tuple picker offers before the catalogue.
import { and, desc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { devices } from '../schema';
import type { Queryable } from '../types';

/** Enough for a picker list; older values are still in the catalogue or can be typed. */
export const RECENT_LIMIT = 50;
/**
 * "Recent" means among the newest tuple boxes, so the lists cost the same on a station with a
 * million rows as on a new one (the picker asks again whenever the manufacturer changes).
 */
export const RECENT_WINDOW = 5_000;

// A tuple device: serial, manufacturer and model, and neither a PKID nor a hardware hash (which
// would be sent instead). Removed lines are left out: an undone scan is often a mis-chosen model.
const tupleDevice = and(isNull(devices.removedAt), isNull(devices.pkid), isNull(devices.hardwareHash), isNotNull(devices.serial), isNotNull(devices.manufacturer), isNotNull(devices.model));

function newestTuples(db: Queryable) {
  return db.select({ id: devices.id, manufacturer: devices.manufacturer, model: devices.model }).from(devices).where(tupleDevice).orderBy(desc(devices.id)).limit(RECENT_WINDOW).as('newest');
}

export function recentManufacturers(db: Queryable): string[] {
  const newest = newestTuples(db);
  return db
    .select({ manufacturer: newest.manufacturer })
    .from(newest)
    .groupBy(newest.manufacturer)
    .orderBy(desc(max(newest.id)))
    .limit(RECENT_LIMIT)
    .all()
    .flatMap((r) => (r.manufacturer === null ? [] : [r.manufacturer]));
}

export function recentPairs(db: Queryable, manufacturer: string | undefined): { manufacturer: string; model: string }[] {
  const newest = newestTuples(db);
  return db
    .select({ manufacturer: newest.manufacturer, model: newest.model })
    .from(newest)
    .where(manufacturer === undefined ? undefined : eq(newest.manufacturer, manufacturer))
    .groupBy(newest.manufacturer, newest.model)
    .orderBy(desc(max(newest.id)))
    .limit(RECENT_LIMIT)
    .all()
    .flatMap((r) => (r.manufacturer === null || r.model === null ? [] : [{ manufacturer: r.manufacturer, model: r.model }]));
}
