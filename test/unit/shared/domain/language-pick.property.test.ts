import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../../shared/domain/language-pick';

const catalogs = ['en', 'de', 'fr', 'es', 'nl', 'pl'] as const;
const RUNS = 2_000;

// Tags shaped like what front doors send (so matches happen often), mixed with anything at all.
const language = fc.constantFrom('en', 'de', 'fr', 'es', 'nl', 'pl', 'pt', 'ja', 'zh', 'sr', 'xx', 'EN', 'De');
const script = fc.constantFrom('', '-Latn', '-Hant', '-Cyrl');
const region = fc.constantFrom('', '-AT', '-BE', '-CA', '-BR', '-TW', '-419', '_DE', '_us');
const posix = fc.constantFrom('', '.UTF-8', '@euro', '@latin');
const tagLike = fc.tuple(language, script, region, posix).map((parts) => parts.join(''));
const junk = fc.oneof(fc.constantFrom('C', 'POSIX', '*', 'und', '', 'x-foo'), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const tag = fc.oneof(tagLike, tagLike, junk);
const preferred = fc.array(tag, { maxLength: 8 });
/** Tags no catalog serves: languages we have no catalog for, and things that are no language at all. */
const unavailable = fc.oneof(
  fc.tuple(fc.constantFrom('pt', 'ja', 'zh', 'sr', 'xx', 'ko'), script, region).map((parts) => parts.join('')),
  fc.constantFrom('C', 'POSIX', '*', 'und', '', 'x-foo', '???'),
);

describe('pickLanguage, for any list', () => {
  it('answers one of the available languages and never throws', () => {
    fc.assert(
      fc.property(preferred, (list) => {
        expect(catalogs).toContain(pickLanguage(list, catalogs, 'en'));
      }),
      { numRuns: RUNS },
    );
  });

  it('is not moved by a tag it cannot serve put in front', () => {
    fc.assert(
      fc.property(unavailable, preferred, (first, list) => {
        expect(pickLanguage([first, ...list], catalogs, 'en')).toBe(pickLanguage(list, catalogs, 'en'));
      }),
      { numRuns: RUNS },
    );
  });

  it('is decided by a served tag put in front, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalogs), region, preferred, (lang, r, list) => {
        expect(pickLanguage([lang + r, ...list], catalogs, 'en')).toBe(lang);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers the fallback exactly when no tag in the list is served', () => {
    fc.assert(
      fc.property(fc.array(unavailable, { maxLength: 8 }), (list) => {
        expect(pickLanguage(list, catalogs, 'de')).toBe('de');
      }),
      { numRuns: RUNS },
    );
  });
});
