// scans:tupleChoices. What the picker offers: values recently used on this station first (staff on a
// dock scan the same few models all day), then the catalogue of firmware spellings. Every comparison
// is exact: a recent "DELL INC." stays next to the catalogue's "Dell Inc." so the picker can warn that
// only one of them will register.
import { and, desc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { OEM_CATALOG, catalogModelsOf, type OemCatalog } from '../../../shared/domain/oem-models';
import type { TupleChoices } from '../../../shared/contract/scans';
import { devices } from '../../../db/schema';
import type { Queryable } from '../../../db/types';

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

function recentManufacturers(db: Queryable): string[] {
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

function recentPairs(db: Queryable, manufacturer: string | undefined): { manufacturer: string; model: string }[] {
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

export function tupleChoices(db: Queryable, manufacturer: string | undefined, catalog: OemCatalog = OEM_CATALOG): TupleChoices {
  const recentMakers = recentManufacturers(db);
  const manufacturers = [
    ...recentMakers.map((name) => ({ name, from: 'recent' as const })),
    ...catalog.manufacturers.filter((name) => !recentMakers.includes(name)).map((name) => ({ name, from: 'catalog' as const })),
  ];
  const describe = (maker: string, model: string) => catalog.models.find((m) => m.manufacturer === maker && m.model === model)?.description ?? null;
  const recent = recentPairs(db, manufacturer).map((p) => ({ ...p, from: 'recent' as const, description: describe(p.manufacturer, p.model) }));
  if (manufacturer === undefined) return { manufacturers, models: recent };
  const listed = catalogModelsOf(manufacturer, catalog)
    .filter((m) => !recent.some((r) => r.model === m.model))
    .map((m) => ({ manufacturer: m.manufacturer, model: m.model, from: 'catalog' as const, description: m.description }));
  return { manufacturers, models: [...recent, ...listed] };
}
