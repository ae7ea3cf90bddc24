// Station settings: one table of typed keys with defaults, shared so the screens can show and
// validate them the same way the core does.
import { z } from 'zod';
import { ScannerProfilesSchema } from './wedge/profile';

export const settingSchemas = {
  'station.id': z.string(),
  'station.name': z.string().trim().min(1).max(60),
  'session.idleMinutes': z.number().int().min(1).max(24 * 60),
  'scanner.minLength': z.number().int().min(3).max(64),
  'scanner.maxMeanGapMs': z.number().int().min(5).max(200),
  'scanner.maxGapMs': z.number().int().min(10).max(500),
  'scanner.silenceMs': z.number().int().min(20).max(1000),
  /** Slow path (Bluetooth scanners): bursts ending in Enter/Tab with even gaps may average this much. */
  'scanner.slowMeanGapMs': z.number().int().min(5).max(200),
  /** A serial joins the box just scanned only within this many seconds, with no read in between. */
  'scanner.pairWindowSeconds': z.number().int().min(1).max(600),
  /** Scanners learned on Settings > Scanner test (changed with scanner:saveProfile / scanner:removeProfile). */
  'scanner.profiles': ScannerProfilesSchema,
  'batches.twoPersonRule': z.boolean(),
  'uploads.chunkSize': z.number().int().min(1).max(500),
  /** The station's Entra app registration (public client) for Partner Center sign-in; empty = not set up. */
  'partnerCenter.clientId': z.string().trim().max(64),
  'partnerCenter.tenant': z.string().trim().min(1).max(120),
  'partnerCenter.cloud': z.enum(['global', 'china']),
  /** Hours between scheduled database backups; 0 turns them off. */
  'backup.intervalHours': z.number().int().min(0).max(24 * 30),
  /** How many scheduled and on-demand backups to keep (copies taken before a migration or restore are never pruned). */
  'backup.keep': z.number().int().min(1).max(365),
};
export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export const settingDefaults: Omit<SettingValues, 'station.id'> = {
  'station.name': 'Dockside station',
  'session.idleMinutes': 60,
  'scanner.minLength': 6,
  'scanner.maxMeanGapMs': 35,
  'scanner.maxGapMs': 100,
  'scanner.silenceMs': 150,
  'scanner.slowMeanGapMs': 45,
  'scanner.pairWindowSeconds': 10,
  'scanner.profiles': [],
  'batches.twoPersonRule': true,
  'uploads.chunkSize': 500,
  'partnerCenter.clientId': '',
  'partnerCenter.tenant': 'organizations',
  'partnerCenter.cloud': 'global',
  'backup.intervalHours': 24,
  'backup.keep': 14,
};

/** Keys an admin may change from the screen or the CLI (the station id is fixed at creation). */
export const editableSettingKeys = Object.keys(settingDefaults) as Exclude<SettingKey, 'station.id'>[];
export type EditableSettingKey = (typeof editableSettingKeys)[number];
