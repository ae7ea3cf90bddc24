// Counts and clock times as the station says them, in one place so no screen says "1 devices" or
// mixes 12- and 24-hour times. Intl does the work: PluralRules picks the form, DateTimeFormat the time.
const LOCALE = 'en-GB';
const pluralRules = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);

/** "1 device", "2 devices", "1,240 devices"; `many` for a plural that is not one + "s" ("boxes"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${numbers.format(n)} ${pluralRules.select(n) === 'one' ? one : many}`;
}

/** The noun alone, for sentences that put the number elsewhere ("3 devices need", "1 device needs"). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return pluralRules.select(n) === 'one' ? one : many;
}

const clock = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const clockSeconds = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short' });

/** 24-hour "14:05" (or "14:05:09" with seconds), local time as the warehouse clock shows it. */
export function clockTime(at: number, withSeconds = false): string {
  return (withSeconds ? clockSeconds : clock).format(at);
}

/** "14:05" today, "3 Nov 14:05" on other days. */
export function shortTime(at: number, now = Date.now()): string {
  const time = clockTime(at);
  return new Date(now).toDateString() === new Date(at).toDateString() ? time : `${dayMonth.format(at)} ${time}`;
}
