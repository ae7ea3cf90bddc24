// scans:tupleChoices. What the picker offers: values recently used on this station first (staff on a
// dock scan the same few models all day), then the catalogue of firmware spellings. Every comparison
// is exact: a recent "DELL INC." stays next to the catalogue's "Dell Inc." so the picker can warn that
// only one of them will register.
import { OEM_CATALOG, catalogModelsOf, type OemCatalog } from '../../../shared/domain/oem-models';
import type { TupleChoices } from '../../../shared/contract/scans';
import { recentManufacturers, recentPairs } from '../../../db/repos/tuple-history';
import type { Queryable } from '../../../db/types';

export { RECENT_LIMIT, RECENT_WINDOW } from '../../../db/repos/tuple-history';

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
