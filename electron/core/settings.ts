// Station settings: typed keys with defaults, stored as JSON text in the settings table.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../db/schema';
import type { StationDb } from '../../db/open';
import type { StationTx } from '../../db/types';

export const settingSchemas = {
  'station.id': z.string(),
  'station.name': z.string(),
  'session.idleMinutes': z.number().int().min(1).max(24 * 60),
};
export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const settingDefaults: { [K in SettingKey]?: SettingValue<K> } = {
  'station.name': 'Dockside station',
  'session.idleMinutes': 60,
};

export function readSetting<K extends SettingKey>(db: StationDb | StationTx, key: K): SettingValue<K> | undefined {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) return settingDefaults[key];
  const parsed = settingSchemas[key].safeParse(JSON.parse(row.value));
  return parsed.success ? (parsed.data as SettingValue<K>) : settingDefaults[key];
}

export function writeSetting<K extends SettingKey>(tx: StationTx, key: K, value: SettingValue<K>, at: number, by: number | null): void {
  const text = JSON.stringify(settingSchemas[key].parse(value));
  tx.insert(settings)
    .values({ key, value: text, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: at, updatedBy: by } })
    .run();
}
