import { describe, expect, it } from 'vitest';
import { clockTime, plural, pluralWord, shortTime } from '../../../../shared/domain/words';

describe('words', () => {
  it('says one and many by the plural rules, with grouped digits', () => {
    expect(plural(1, 'device')).toBe('1 device');
    expect(plural(0, 'device')).toBe('0 devices');
    expect(plural(2, 'box', 'boxes')).toBe('2 boxes');
    expect(plural(1240, 'character')).toBe('1,240 characters');
    expect(pluralWord(1, 'needs', 'need')).toBe('needs');
    expect(pluralWord(7, 'needs', 'need')).toBe('need');
  });

  it('says times on a 24-hour clock, with seconds when asked, and the day only when it is not today', () => {
    const at = new Date(2026, 10, 3, 14, 5, 9).getTime();
    expect(clockTime(at)).toBe('14:05');
    expect(clockTime(at, true)).toBe('14:05:09');
    expect(clockTime(new Date(2026, 10, 3, 0, 7).getTime())).toBe('00:07');
    expect(shortTime(at, at + 60_000)).toBe('14:05');
    expect(shortTime(at, at + 86_400_000)).toBe('3 Nov 14:05');
  });
});
