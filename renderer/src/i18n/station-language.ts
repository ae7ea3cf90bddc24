// The station's default language, from the OS: Chromium's navigator.language is the browser's
// language in the web host and the OS locale (app.getLocale()) inside Electron.
import { languageOf, setLanguage, type Language } from './index';

export function stationLanguage(): Language {
  return languageOf(typeof navigator === 'undefined' ? null : navigator.language);
}

/** The operator's own language when they chose one, else the station's. */
export function applyLanguage(chosen: string | null): Language {
  const language = chosen ? languageOf(chosen) : stationLanguage();
  setLanguage(language);
  return language;
}
