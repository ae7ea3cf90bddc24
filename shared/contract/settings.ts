import { z } from 'zod';
import { editableSettingKeys, settingSchemas } from '../domain/settings';
import { ScannerProfileSchema } from '../domain/wedge/profile';
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
  'scanner:saveProfile': {
    input: ScannerProfileSchema,
    output: z.array(ScannerProfileSchema),
    permission: 'settings:manage',
    summary: 'Keep a scanner learned on the scanner test page (replaces the one with the same id).',
  },
  'scanner:removeProfile': {
    input: z.strictObject({ id: z.string().min(1).max(40) }),
    output: z.array(ScannerProfileSchema),
    permission: 'settings:manage',
    summary: 'Forget a learned scanner.',
  },
});
