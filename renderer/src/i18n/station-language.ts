// The station's default language, for the sign-in screen and for operators who chose none: the OS's
// preferred languages where the front door can tell (the desktop app reads them in Electron main and
// hands them over in station:info), then the browser's own list (navigator.languages: the browser's
// languages in the web host, the app locale inside Electron), going down each list to the first
// language a catalog serves. No admin setting overrides it (none exists): the OS decides.
import { pickLanguage } from '../../../shared/domain/language-pick';
import { defaultLanguage, languages, setLanguage, type Language } from './index';

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  // Older engines (and some embedded views) have navigator.language only.
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function stationLanguage(systemLanguages: readonly string[] = []): Language {
  return pickLanguage([...systemLanguages, ...browserLanguages()], languages, defaultLanguage);
}

/**
 * The operator's own language when they chose one a catalog serves, else the station's. The OS's list
 * is station:info's systemLanguages, when the station has been asked already.
 */
export function applyLanguage(chosen: string | null, systemLanguages: readonly string[] = []): Language {
  const station = stationLanguage(systemLanguages);
  const language = chosen ? pickLanguage([chosen], languages, station) : station;
  setLanguage(language);
  return language;
}
