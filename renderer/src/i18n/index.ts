// The renderer's message catalogs. i18next is initialised here, synchronously and with every catalog
// bundled, so the first render (and every dom test that imports a component) already speaks English
// without waiting. Components import useTranslation from here, which guarantees the init ran.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage } from '../../../shared/domain/language-pick';
import de from './locales/de.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';
import pl from './locales/pl.json';

export const catalogs = { en, de, fr, es, nl, pl } as const;
export type Language = keyof typeof catalogs;
export const languages = Object.keys(catalogs) as Language[];
export const defaultLanguage: Language = 'en';

/** A BCP 47 tag from the OS or browser ('de-AT', 'pl') to the nearest catalog, English when none fits. */
export function languageOf(tag: string | null | undefined): Language {
  return pickLanguage([tag], languages, defaultLanguage);
}

// The page says which language it speaks, for screen readers, hyphenation and the spell checker;
// registered before init so the first language is set too.
i18next.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  // Each top-level key of a catalog is a namespace: one per feature.
  resources: Object.fromEntries(languages.map((l) => [l, catalogs[l]])),
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  ns: Object.keys(en),
  defaultNS: 'common',
  initAsync: false,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;
export { useTranslation } from 'react-i18next';

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
}
