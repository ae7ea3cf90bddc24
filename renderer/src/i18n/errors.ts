// An envelope's error in the operator's language. The core says what went wrong as a code, English words
// and, where it has been taught, a catalog key with placeholders (error.say). The catalog's words win
// when the errors namespace has the key; each placeholder is said by its kind (shared/contract/
// error-keys.ts): a time on this station's clock, a batch state or a role in the operator's words.
// Without a key, an English operator reads the core's own sentence (it is more precise than any
// per-code one), anyone else the code's sentence in their language with the core's English after it,
// so no refusal is left unexplained and none is silently less precise.
import { paramKinds, type AppErrorShape, type ParamKind, type Saying } from '../../../shared/contract';
import { formatDateTime, formatNumber, formatTime } from './format';
import { defaultLanguage, i18n } from '.';

type Params = Record<string, string | number>;

function sayParam(kind: ParamKind | undefined, value: string | number): string | number {
  switch (kind) {
    case 'time':
      return typeof value === 'number' ? formatTime(value, true) : value;
    case 'dateTime':
      return typeof value === 'number' ? formatDateTime(value) : value;
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : value;
    case 'batchState':
      return i18n.t(`batchState.${value}`, { ns: 'errors', defaultValue: String(value) });
    case 'role':
      return i18n.t(`role.${value}`, { ns: 'common', defaultValue: String(value) });
    default:
      // text, id, and count (a number, so i18next can pick the plural form).
      return value;
  }
}

export function sayParams(key: string, params: Params = {}): Params {
  const kinds = paramKinds(key);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, sayParam(kinds[name], value)]));
}

function speaksEnglish(): boolean {
  return (i18n.resolvedLanguage ?? i18n.language).split('-')[0] === defaultLanguage;
}

/** The caller's follow-up after the sentence (what was kept, what to do next), as the English message has it. */
function withThen(sentence: string, then: Saying | undefined): string {
  if (then === undefined) return sentence;
  const options = { ns: 'errors', ...sayParams(then.key, then.params) };
  return i18n.exists(then.key, options) ? `${sentence} ${i18n.t(then.key, options)}` : sentence;
}

export function errorText(error: AppErrorShape): string {
  const say = error.say;
  if (say !== undefined) {
    const options = { ns: 'errors', ...sayParams(say.key, say.params) };
    if (i18n.exists(say.key, options)) return withThen(i18n.t(say.key, options), say.then);
  }
  const sentence = `code.${error.code}`;
  if (speaksEnglish() || !i18n.exists(sentence, { ns: 'errors' })) return error.message;
  return i18n.t('fallback', { ns: 'errors', sentence: i18n.t(sentence, { ns: 'errors' }), detail: error.message });
}
