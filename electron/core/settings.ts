// Reads and writes station settings (JSON text in the settings table); schemas live in shared/domain.
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Queryable, StationTx } from '../../db/types';
import { settingDefaults, settingSchemas, type SettingKey, type SettingValue } from '../../shared/domain/settings';

function fallback<K extends SettingKey>(key: K): SettingValue<K> | undefined {
  return key === 'station.id' ? undefined : (settingDefaults[key as Exclude<K, 'station.id'>] as SettingValue<K>);
}

export function readSetting<K extends SettingKey>(db: Queryable, key: K): SettingValue<K> | undefined {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback(key);
  const parsed = settingSchemas[key].safeParse(JSON.parse(row.value));
  return parsed.success ? (parsed.data as SettingValue<K>) : fallback(key);
}

export function writeSetting<K extends SettingKey>(tx: StationTx, key: K, value: SettingValue<K>, at: number, by: number | null): void {
  const text = JSON.stringify(settingSchemas[key].parse(value));
  tx.insert(settings)
    .values({ key, value: text, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: at, updatedBy: by } })
    .run();
}
