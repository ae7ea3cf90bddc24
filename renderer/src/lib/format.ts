// How times, counts and lists read on the shift lead's desk, in the operator's language (Intl). The
// station's English is British, as shared/domain/words says it: "23 Nov 14:05", "a, b and c".
import type { ReviewDevice } from '../../../shared/contract/review';
import { i18n } from '../i18n';
import { formatNumber } from '../i18n/format';

/** The Intl locale for the current language. */
export function intlLocale(): string {
  return i18n.language === 'en' ? 'en-GB' : i18n.language;
}

export function formatCount(n: number): string {
  return formatNumber(n);
}

// Making a DateTimeFormat costs far more than using one, and long lists (audit, review) format a
// time per row: one of each per language.
const made = new Map<string, Intl.DateTimeFormat>();
function dates(kind: 'clock' | 'day' | 'dayYear'): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale} ${kind}`;
  let format = made.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'clock' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { day: 'numeric', month: 'short', ...(kind === 'dayYear' ? { year: 'numeric' } : {}) };
    format = new Intl.DateTimeFormat(locale, options);
    made.set(key, format);
  }
  return format;
}

function clock(at: number): string {
  return dates('clock').format(at);
}

/** "23 Nov 14:05" (this year) or "23 Nov 2025 14:05", in the current language's words for the month. */
export function formatWhen(at: number, now = Date.now()): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return `${dates(sameYear ? 'day' : 'dayYear').format(at)} ${clock(at)}`;
}

/** "14:05" today, "3 Nov 14:05" on other days. */
export function formatShortTime(at: number, now = Date.now()): string {
  if (new Date(now).toDateString() === new Date(at).toDateString()) return clock(at);
  return `${dates('day').format(at)} ${clock(at)}`;
}

/** "a, b and c" in the current language. */
export function formatList(words: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(words);
}

export function makeModel(d: Pick<ReviewDevice, 'manufacturer' | 'model'>): string {
  return [d.manufacturer, d.model].filter(Boolean).join(' ') || '—';
}
