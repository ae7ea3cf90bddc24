import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { formatNumber, formatTime } from '../../../../renderer/src/i18n/format';

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
});
