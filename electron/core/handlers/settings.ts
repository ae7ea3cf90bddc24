import { fail, ok } from '../../../shared/contract';
import type { settingsChannels } from '../../../shared/contract/settings';
import { editableSettingKeys, settingSchemas, type SettingValues } from '../../../shared/domain/settings';
import type { Queryable } from '../../../db/types';
import type { Handlers } from '../dispatcher';
import { readSetting, writeSetting } from '../settings';

function allSettings(db: Queryable): Omit<SettingValues, 'station.id'> {
  return Object.fromEntries(editableSettingKeys.map((key) => [key, readSetting(db, key)])) as Omit<SettingValues, 'station.id'>;
}

export const settingsHandlers: Pick<Handlers, keyof typeof settingsChannels> = {
  'settings:get': (_input, ctx) => ok(allSettings(ctx.db)),

  'settings:update': ({ key, value }, ctx) => {
    const parsed = settingSchemas[key].safeParse(value);
    if (!parsed.success) return fail('INVALID_INPUT', `${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return ctx.write(['settings'], (tx) => {
      const before = readSetting(tx, key);
      writeSetting(tx, key, parsed.data, ctx.now(), ctx.session?.operatorId ?? null);
      ctx.audit(tx, { action: 'settings:update', objectType: 'setting', objectId: key, detail: { before, after: parsed.data } });
      return ok(allSettings(tx));
    });
  },
};
