// The OS's preferred languages, read from Electron's app for the sign-in screen's default. Kept free
// of the electron import (it takes the app's two methods) so it is tested without an Electron binary.
import { canonicalLanguageTags } from '../../shared/domain/language-pick';

/** The part of Electron's app this needs. */
export interface LanguageSource {
  /** Electron 20+: the user's languages, most preferred first (POSIX names such as de_DE.UTF-8 on Linux). */
  getPreferredSystemLanguages?: () => readonly string[];
  /** The locale Chromium chose for the app: the last resort when the OS gives no list. */
  getLocale: () => string;
}

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Canonical tags, most preferred first, each once; an empty list when the OS tells nothing. */
export function systemLanguages(app: LanguageSource): string[] {
  const preferred = attempt(() => app.getPreferredSystemLanguages?.()) ?? [];
  const locale = attempt(() => app.getLocale());
  return canonicalLanguageTags([...(Array.isArray(preferred) ? preferred : []), locale]);
}
