import { failSaying, ok } from '../../../shared/contract';
import type { settingsChannels } from '../../../shared/contract/settings';
import { editableSettingKeys, settingSchemas, type SettingValues } from '../../../shared/domain/settings';
import type { Queryable } from '../../../db/types';
import type { Handlers } from '../dispatcher';
import { readSetting, writeSetting } from '../settings';

function allSettings(db: Queryable): Omit<SettingValues, 'station.id'> {
  return Object.fromEntries(editableSettingKeys.map((key) => [key, readSetting(db, key)])) as Omit<SettingValues, 'station.id'>;
}

const MAX_PROFILES = 20;

export const settingsHandlers: Pick<Handlers, keyof typeof settingsChannels> = {
  'settings:get': (_input, ctx) => ok(allSettings(ctx.db)),

  'settings:update': ({ key, value }, ctx) => {
    const parsed = settingSchemas[key].safeParse(value);
    if (!parsed.success) return failSaying('INVALID_INPUT', 'settings.invalidValue', { setting: key, detail: parsed.error.issues.map((i) => i.message).join('; ') }, `${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return ctx.write(['settings'], (tx) => {
      const before = readSetting(tx, key);
      writeSetting(tx, key, parsed.data, ctx.now(), ctx.session?.operatorId ?? null);
      ctx.audit(tx, { action: 'settings:update', objectType: 'setting', objectId: key, detail: { before, after: parsed.data } });
      return ok(allSettings(tx));
    });
  },

  'scanner:saveProfile': (profile, ctx) =>
    ctx.write(['settings'], (tx) => {
      const before = readSetting(tx, 'scanner.profiles') ?? [];
      const replaced = before.some((p) => p.id === profile.id);
      if (!replaced && before.length >= MAX_PROFILES) return failSaying('INVALID_INPUT', 'settings.tooManyScanners', { count: MAX_PROFILES }, `The station knows ${MAX_PROFILES} scanners already: forget one first.`);
      const after = replaced ? before.map((p) => (p.id === profile.id ? profile : p)) : [...before, profile];
      writeSetting(tx, 'scanner.profiles', after, ctx.now(), ctx.session?.operatorId ?? null);
      ctx.audit(tx, { action: 'scanner:saveProfile', objectType: 'setting', objectId: 'scanner.profiles', detail: { id: profile.id, name: profile.name, replaced, prefix: profile.prefix, aim: profile.aim, terminator: profile.terminator } });
      return ok(after);
    }),

  'scanner:removeProfile': ({ id }, ctx) =>
    ctx.write(['settings'], (tx) => {
      const before = readSetting(tx, 'scanner.profiles') ?? [];
      const gone = before.find((p) => p.id === id);
      if (gone === undefined) return failSaying('NOT_FOUND', 'settings.scannerNotFound', { id }, `No learned scanner has the id ${id}.`);
      const after = before.filter((p) => p.id !== id);
      writeSetting(tx, 'scanner.profiles', after, ctx.now(), ctx.session?.operatorId ?? null);
      ctx.audit(tx, { action: 'scanner:removeProfile', objectType: 'setting', objectId: 'scanner.profiles', detail: { id, name: gone.name } });
      return ok(after);
    }),
};
