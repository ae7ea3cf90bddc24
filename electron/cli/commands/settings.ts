// `dockside settings get|set`: station settings for admins and scripts, through the same settings
// channels as the Settings screen (so the core checks the value and audits the change).
import { z } from 'zod';
import { editableSettingKeys, settingSchemas, type EditableSettingKey } from '../../../shared/domain/settings';
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { asOperator, openStation, type Io } from '../run';

export const settingsHelp = [
  'dockside settings get [KEY] [--json]                     station settings (any signed-in operator)',
  'dockside settings set KEY VALUE                          change one (admin, audited); on/off for yes-no settings,',
  '                                                         e.g. dockside settings set batches.twoPersonRule off',
].join('\n');

const BOOLEAN_WORDS: Record<string, boolean> = { on: true, off: false, true: true, false: false, yes: true, no: false };

function isKey(key: string): key is EditableSettingKey {
  return (editableSettingKeys as readonly string[]).includes(key);
}

/** The typed text as the setting's own type: on/off for yes-no settings, a number for numeric ones. */
function valueFor(key: EditableSettingKey, text: string): string | number | boolean {
  const schema = settingSchemas[key];
  if (schema instanceof z.ZodBoolean) {
    const word = BOOLEAN_WORDS[text.trim().toLowerCase()];
    if (word === undefined) throw new UsageError(`${key} is on or off; "${text}" is neither.`);
    return word;
  }
  if (schema instanceof z.ZodNumber) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${key} is a number; "${text}" is not one.`);
    return n;
  }
  return text;
}

const show = (value: unknown) => (typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));

export async function settings(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  const [verb, key, text] = positionals;
  if (verb !== 'get' && verb !== 'set') throw new UsageError(`Unknown settings command "${verb ?? ''}".\n${settingsHelp}`);
  if (key !== undefined && !isKey(key)) throw new UsageError(`There is no setting called "${key}". Settings: ${editableSettingKeys.join(', ')}.`);
  if (verb === 'set' && (key === undefined || text === undefined)) throw new UsageError(`settings set needs a KEY and a VALUE.\n${settingsHelp}`);
  const value = verb === 'set' && key !== undefined && text !== undefined ? valueFor(key, text) : undefined;
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      const all = verb === 'set' && key !== undefined && value !== undefined ? await call('settings:update', { key, value }) : await call('settings:get', {});
      if (verb === 'set' && key !== undefined) return io.out(values.json ? JSON.stringify({ [key]: all[key] }) : `${key} is now ${show(all[key])}.`);
      const shown = key === undefined ? all : { [key]: all[key] };
      if (values.json) return io.out(JSON.stringify(shown));
      for (const [k, v] of Object.entries(shown)) io.out(`${k.padEnd(28)} ${show(v)}`);
    });
  } finally {
    station.close();
  }
}
