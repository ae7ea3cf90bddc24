import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { formatDateTime, formatDayTime, formatNumber, formatRecent, formatTime, formatWeekdayDate } from '../../../../renderer/src/i18n/format';

const afternoon = new Date(2026, 11, 7, 15, 4, 5);

describe('format', () => {
  afterEach(() => setLanguage('en'));

  it('gives German a 24-hour clock and its own digit grouping', () => {
    setLanguage('de');
    expect(formatTime(afternoon)).toBe('15:04');
    expect(formatTime(afternoon, true)).toBe('15:04:05');
    expect(formatNumber(12345.5)).toBe('12.345,5');
  });

  it('follows the current language, Polish included', () => {
    setLanguage('pl');
    expect(formatTime(afternoon)).toBe('15:04');
    expect(formatNumber(1234567)).toBe(new Intl.NumberFormat('pl').format(1234567));
    setLanguage('en');
    expect(formatNumber(12345.5)).toBe('12,345.5');
  });

  it("says English as the station always has: a 24-hour clock, the day before the month", () => {
    expect(formatTime(afternoon, true)).toBe('15:04:05');
    expect(formatDateTime(afternoon)).toBe('7 Dec 2026, 15:04');
    expect(formatDayTime(afternoon)).toBe('7 Dec, 15:04');
    expect(formatWeekdayDate(afternoon)).toBe('Mon 7 Dec');
    expect(formatRecent(afternoon.getTime(), afternoon.getTime() + 60_000)).toBe('15:04');
    expect(formatRecent(afternoon.getTime(), afternoon.getTime() + 2 * 86_400_000)).toBe('7 Dec, 15:04');
  });

  it('names weekdays and months in the language', () => {
    setLanguage('de');
    expect(formatWeekdayDate(afternoon)).toBe(new Intl.DateTimeFormat('de', { weekday: 'short', day: 'numeric', month: 'short' }).format(afternoon));
    expect(formatDayTime(afternoon)).toContain('15:04');
  });
});
