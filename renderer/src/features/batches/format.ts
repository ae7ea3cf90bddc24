// How times, counts and lists read on the shift lead's desk, in the operator's language (Intl). The
// station's English is British, as shared/domain/words says it: "23 Nov 14:05", "a, b and c".
import type { ReviewDevice } from '../../../../shared/contract/review';
import { i18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** The Intl locale for the current language. */
export function intlLocale(): string {
  return i18n.language === 'en' ? 'en-GB' : i18n.language;
}

export function formatCount(n: number): string {
  return formatNumber(n);
}

function clock(at: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "23 Nov 14:05" (this year) or "23 Nov 2025 14:05", in the current language's words for the month. */
export function formatWhen(at: number, now = Date.now()): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const day = new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
  return `${day} ${clock(at)}`;
}

/** "14:05" today, "3 Nov 14:05" on other days. */
export function formatShortTime(at: number, now = Date.now()): string {
  if (new Date(now).toDateString() === new Date(at).toDateString()) return clock(at);
  return `${new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short' }).format(at)} ${clock(at)}`;
}

/** "a, b and c" in the current language. */
export function formatList(words: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(words);
}

export function makeModel(d: Pick<ReviewDevice, 'manufacturer' | 'model'>): string {
  return [d.manufacturer, d.model].filter(Boolean).join(' ') || '—';
}
