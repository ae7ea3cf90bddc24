// Dates, times and numbers in the current language, by Intl. hourCycle is left to the locale, so
// German, French, Spanish, Dutch and Polish read a 24-hour clock and English its own.
import { i18n } from './index';

// The station's English has always been British: a 24-hour clock and the day before the month, so no
// screen mixes 12- and 24-hour times (as shared/domain/words.ts says them for the core's English).
const REGION: Readonly<Record<string, string>> = { en: 'en-GB' };

function locale(): string {
  return REGION[i18n.language] ?? i18n.language;
}

export function formatDate(at: number | Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(at);
}

export function formatTime(at: number | Date, seconds = false): string {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(at);
}

export function formatDateTime(at: number | Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** A duration in ms as the station measures it: "8", "8.5" (the language's decimal sign), never grouped. */
export function formatMs(value: number): string {
  return formatNumber(value, { useGrouping: false, minimumFractionDigits: Number.isInteger(value) ? 0 : 1, maximumFractionDigits: 1 });
}

/** A whole percentage (50 for 50 %) with the language's spacing and sign: "50%", "50 %". */
export function formatPercent(percent: number): string {
  return formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 0 });
}

/** "7 Dec, 15:04": a day of this year and its time. */
export function formatDayTime(at: number | Date): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "Mon 7 Dec": a day on a chart's axis. */
export function formatWeekdayDate(at: number | Date): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short' }).format(at);
}

/** "15:04" today, "3 Nov, 15:04" on other days. */
export function formatRecent(at: number, now = Date.now()): string {
  return new Date(now).toDateString() === new Date(at).toDateString() ? formatTime(at) : formatDayTime(at);
}
