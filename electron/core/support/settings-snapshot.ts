// settings.json in a support bundle: every station setting with its value, except that a secret is
// only said to be "(set)" or "(not set)". Today no setting holds a secret, but the rule is by name, so
// a secret added later is masked without anyone remembering this file. The Partner Center sign-in
// (an encrypted token cache beside the database) is reported the same way.
import { existsSync } from 'node:fs';
import type { Queryable } from '../../../db/types';
import { settingSchemas, type SettingKey } from '../../../shared/domain/settings';
import { tokenCachePath } from '../../partner-center/token-cache';
import { isSecretKey } from '../logging/redact';
import { readSetting } from '../settings';

export const SET = '(set)';
export const NOT_SET = '(not set)';

/** JSON values as the settings hold them (lists such as scanner.profiles stay lists). */
export type SettingsSnapshot = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Values as they are, except a secret-sounding key's, which only says whether it is set. */
export function maskSecretSettings(values: Record<string, unknown>): SettingsSnapshot {
  const out: SettingsSnapshot = {};
  for (const [key, value] of Object.entries(values)) {
    if (isSecretKey(key)) out[key] = isEmpty(value) ? NOT_SET : SET;
    else out[key] = value ?? null;
  }
  return out;
}

export function settingsSnapshot(db: Queryable, dataDir: string): SettingsSnapshot {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(settingSchemas) as SettingKey[]) values[key] = readSetting(db, key);
  return { ...maskSecretSettings(values), 'partnerCenter.savedSignIn': existsSync(tokenCachePath(dataDir)) ? SET : NOT_SET };
}
