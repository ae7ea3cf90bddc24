// Reads and writes station settings (JSON text in the settings table); schemas live in shared/domain.
import { saveSettingText, settingText } from '../../db/repos/settings';
import type { Queryable, StationTx } from '../../db/types';
import { settingDefaults, settingSchemas, type SettingKey, type SettingValue } from '../../shared/domain/settings';

function fallback<K extends SettingKey>(key: K): SettingValue<K> | undefined {
  return key === 'station.id' ? undefined : (settingDefaults[key as Exclude<K, 'station.id'>] as SettingValue<K>);
}

export function readSetting<K extends SettingKey>(db: Queryable, key: K): SettingValue<K> | undefined {
  const text = settingText(db, key);
  if (text === undefined) return fallback(key);
  const parsed = settingSchemas[key].safeParse(JSON.parse(text));
  return parsed.success ? (parsed.data as SettingValue<K>) : fallback(key);
}

export function writeSetting<K extends SettingKey>(tx: StationTx, key: K, value: SettingValue<K>, at: number, by: number | null): void {
  saveSettingText(tx, key, JSON.stringify(settingSchemas[key].parse(value)), at, by);
}
