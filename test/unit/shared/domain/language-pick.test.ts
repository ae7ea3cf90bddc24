import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, canonicalLanguageTags, maxPreferredLanguages, pickLanguage } from '../../../../shared/domain/language-pick';

const catalogs = ['en', 'de', 'fr', 'es', 'nl', 'pl'] as const;
const pick = (preferred: unknown[] | null | undefined) => pickLanguage(preferred, catalogs, 'en');

describe('canonicalLanguageTag', () => {
  it.each([
    ['de-AT', 'de-AT'],
    ['DE-at', 'de-AT'],
    ['de_DE.UTF-8', 'de-DE'],
    ['de_DE.UTF-8@euro', 'de-DE'],
    ['sr_RS@latin', 'sr-Latn-RS'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['en-US-u-ca-gregory', 'en-US'],
    ['fr;q=0.8', 'fr'],
    ['  nl-BE ', 'nl-BE'],
    ['iw', 'he'],
  ])('reads %j as %j', (raw, tag) => {
    expect(canonicalLanguageTag(raw)).toBe(tag);
  });

  it.each(['C', 'POSIX', 'C.UTF-8', '*', 'und', '', 'x-private', 'not a tag', '-', '__', 'de--DE', 'a'.repeat(100)])('finds no language in %j', (raw) => {
    expect(canonicalLanguageTag(raw)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ['de']])('finds no language in the non-string %j', (raw) => {
    expect(canonicalLanguageTag(raw)).toBeNull();
  });
});

describe('pickLanguage', () => {
  it('takes the language of a regional tag', () => {
    expect(pick(['de-AT'])).toBe('de');
    expect(pick(['nl-BE'])).toBe('nl');
    expect(pick(['pl-PL', 'en'])).toBe('pl');
  });

  it('goes down the list to the first language it has', () => {
    expect(pick(['pt-BR', 'fr-CA', 'en'])).toBe('fr');
    expect(pick(['ja', 'ko-KR', 'es-419', 'de'])).toBe('es');
  });

  it('reads POSIX names, any case, scripts and regions', () => {
    expect(pick(['C', 'de_DE.UTF-8', 'en_US.UTF-8', 'en'])).toBe('de');
    expect(pick(['POSIX', 'FR_fr'])).toBe('fr');
    expect(pick(['NL'])).toBe('nl');
    expect(pick(['zh-Hant-TW', 'pl'])).toBe('pl');
    expect(pick(['es-Latn-MX'])).toBe('es');
  });

  it('skips wildcards and garbage without throwing', () => {
    expect(pick(['*', '', '???', 'x-klingon', 17, null, 'de'])).toBe('de');
    expect(pick(['*'])).toBe('en');
  });

  it('speaks English when nothing fits or nothing is known', () => {
    expect(pick(['ja-JP', 'zh-CN'])).toBe('en');
    expect(pick([])).toBe('en');
    expect(pick(null)).toBe('en');
    expect(pick(undefined)).toBe('en');
  });

  it('answers the fallback it is given when nothing fits', () => {
    expect(pickLanguage(['ja'], catalogs, 'de')).toBe('de');
  });

  it('keeps the available spelling of a catalog language', () => {
    expect(pickLanguage(['de-CH'], ['en', 'DE'] as const, 'en')).toBe('DE');
  });

  it('prefers the closest of several catalogs of one language', () => {
    const regional = ['en', 'pt-PT', 'pt-BR', 'zh', 'zh-Hant'] as const;
    expect(pickLanguage(['pt-BR'], regional, 'en')).toBe('pt-BR');
    expect(pickLanguage(['pt'], regional, 'en')).toBe('pt-BR'); // likely region of pt is Brazil
    expect(pickLanguage(['zh-TW'], regional, 'en')).toBe('zh-Hant');
    expect(pickLanguage(['zh-CN'], regional, 'en')).toBe('zh');
  });

  it('tolerates a list that cannot be iterated', () => {
    const hostile = {
      [Symbol.iterator]() {
        throw new Error('nope');
      },
    };
    expect(pickLanguage(hostile, catalogs, 'en')).toBe('en');
  });

  it('takes any iterable, such as a frozen navigator.languages', () => {
    expect(pickLanguage(Object.freeze(['es-AR']), catalogs, 'en')).toBe('es');
    expect(pickLanguage(new Set(['nl-NL']), catalogs, 'en')).toBe('nl');
  });
});

describe('canonicalLanguageTags', () => {
  it('keeps the order, each tag once, unreadable ones dropped', () => {
    expect(canonicalLanguageTags(['de_AT.UTF-8', 'de-AT', 'C', 'DE', 7, 'en_US', '*'])).toEqual(['de-AT', 'de', 'en-US']);
  });

  it('stops at the cap and takes nothing from nothing', () => {
    // Private-use languages (qaa-qtz): numeric regions would not do, ICU renames retired ones (fr-100 -> fr-BG).
    const letter = (n: number) => String.fromCharCode(97 + n);
    const many = Array.from({ length: 40 }, (_, i) => `q${letter(Math.floor(i / 26))}${letter(i % 26)}`);
    expect(canonicalLanguageTags(many)).toEqual(many.slice(0, maxPreferredLanguages));
    expect(canonicalLanguageTags(null)).toEqual([]);
  });
});
