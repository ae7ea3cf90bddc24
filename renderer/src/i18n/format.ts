// Dates, times and numbers in the current language, by Intl. hourCycle is left to the locale, so
// German, French, Spanish, Dutch and Polish read a 24-hour clock and English its own.
import { i18n } from './index';

function locale(): string {
  return i18n.language;
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

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
