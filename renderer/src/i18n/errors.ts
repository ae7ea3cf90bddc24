// An envelope's error in the operator's language. The core says what went wrong as a code, English words
// and, where it has been taught, a catalog key with placeholders (error.say); the catalog's words win when
// they exist in the errors namespace, and the core's English is shown otherwise rather than nothing.
import type { AppErrorShape } from '../../../shared/contract';
import { i18n } from '.';

export function errorText(error: AppErrorShape): string {
  const key = error.say?.key;
  if (key !== undefined && i18n.exists(key, { ns: 'errors' })) return i18n.t(key, { ns: 'errors', ...error.say?.params });
  return error.message;
}
