// Every catalog says everything English says, with the same placeholders and tags, and every plural
// form its language needs (Polish: one, few, many, other), so a missing key fails npm test, not a shift.
import { describe, expect, it } from 'vitest';
import { catalogs, languages } from '../../../../renderer/src/i18n';

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// A placeholder with its format ({{count, number}}) must keep the format in every language.
function marks(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*\w+\s*)?\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[0].replace(/\s/g, '')).sort();
}

const english = flatten(catalogs.en satisfies Tree);
const singles = [...english.keys()].filter((k) => !pluralSuffix.test(k));
const plurals = [...new Set([...english.keys()].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')))];

describe.each(languages.filter((l) => l !== 'en'))('catalog %s', (language) => {
  const catalog = flatten(catalogs[language] satisfies Tree);

  it('has every key of en.json, with the same placeholders and tags', () => {
    for (const key of singles) {
      expect(catalog.has(key), `${language}.json lacks ${key}`).toBe(true);
      expect(marks(catalog.get(key) ?? ''), `${language}.json ${key}`).toEqual(marks(english.get(key) ?? ''));
    }
  });

  it('has every plural form the language needs, each with the placeholders English has', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const base of plurals) {
      const englishMarks = marks(english.get(`${base}_other`) ?? '');
      for (const category of categories) {
        const key = `${base}_${category}`;
        expect(catalog.has(key), `${language}.json lacks ${key}`).toBe(true);
        expect(marks(catalog.get(key) ?? ''), `${language}.json ${key}`).toEqual(englishMarks);
      }
    }
  });

  it('has no key English does not have (a typo would never be shown)', () => {
    const allowed = new Set([...singles, ...plurals]);
    for (const key of catalog.keys()) expect(allowed.has(key.replace(pluralSuffix, '')) || allowed.has(key), `${language}.json ${key}`).toBe(true);
  });
});

describe('plurals come from the library', () => {
  it('says Polish few and many forms', async () => {
    const { i18n } = await import('../../../../renderer/src/i18n');
    const t = i18n.getFixedT('pl', 'signIn');
    expect(t('pinTyped', { count: 1 })).toBe('PIN, wpisano 1 cyfrę');
    expect(t('pinTyped', { count: 3 })).toBe('PIN, wpisano 3 cyfry');
    expect(t('pinTyped', { count: 6 })).toBe('PIN, wpisano 6 cyfr');
    expect(i18n.getFixedT('en', 'signIn')('pinTyped', { count: 1 })).toBe('PIN, 1 digit typed');
  });
});
