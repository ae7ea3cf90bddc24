import { z } from 'zod';
import { editableSettingKeys, settingSchemas } from '../domain/settings';
import { defineChannels } from './define';

const { 'station.id': _stationId, ...editable } = settingSchemas;
export const settingValues = z.object(editable);

export const settingsChannels = defineChannels({
  'settings:get': {
    input: z.strictObject({}),
    output: settingValues,
    permission: 'station:use',
    summary: 'Station settings (scanner thresholds, rules).',
  },
  'settings:update': {
    // The value is checked against the key's own schema in the core, with a message naming the key.
    input: z.strictObject({ key: z.enum(editableSettingKeys), value: z.union([z.string(), z.number(), z.boolean()]) }),
    output: settingValues,
    permission: 'settings:manage',
    summary: 'Change one station setting.',
  },
});
