// Which catalog language to speak, given the languages a person (or their OS) prefers, most preferred
// first. The lists come from front doors we do not control: navigator.languages ('de-AT'), Electron's
// app.getPreferredSystemLanguages() (on Linux glib's POSIX names: 'de_DE.UTF-8', 'C'), a stored
// choice. So nothing here throws: a tag that cannot be read is skipped, and English is the last word.

/** POSIX '@modifier's that name a script (sr_RS@latin); any other modifier says nothing about language. */
const posixScripts: Readonly<Record<string, string>> = { latin: 'Latn', cyrillic: 'Cyrl' };

/** Longest tag we bother to parse: real ones are far shorter, and Intl's parser is not free. */
const maxTagLength = 64;

/**
 * A tag as canonical BCP 47 (language, script, region, variants; extensions dropped), or null when it
 * names no language: 'de_DE.UTF-8' -> 'de-DE', 'EN-us' -> 'en-US', 'C', 'POSIX', '*', 'und', '' -> null.
 */
export function canonicalLanguageTag(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > maxTagLength) return null;
  // Accept-Language style weights ('fr;q=0.8') and POSIX charset / modifier ('de_DE.UTF-8@euro').
  const [weighted = ''] = raw.split(';');
  const [posix = '', modifier] = weighted.trim().split('@');
  const [base = ''] = posix.split('.');
  if (base === '' || base === '*' || base === 'C' || base === 'POSIX') return null;
  const script = modifier ? posixScripts[modifier.toLowerCase()] : undefined;
  let tag = base.replaceAll('_', '-');
  if (script) {
    const [language, ...rest] = tag.split('-');
    tag = [language, script, ...rest].join('-');
  }
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    const locale = new Intl.Locale(canonical);
    // 'und' is "undetermined": ICU may report it as the language or as no language at all.
    if (!locale.language || locale.language === 'und') return null;
    return locale.baseName;
  } catch {
    return null;
  }
}

interface Parsed {
  readonly tag: string;
  readonly language: string;
  /** Likely script and region filled in ('zh-TW' -> zh-Hant-TW), so 'de' and 'de-DE' compare equal. */
  readonly likely: { readonly script: string; readonly region: string };
}

function parse(tag: string): Parsed | null {
  const canonical = canonicalLanguageTag(tag);
  if (!canonical) return null;
  const locale = new Intl.Locale(canonical);
  const max = locale.maximize();
  return { tag: canonical, language: locale.language, likely: { script: max.script ?? '', region: max.region ?? '' } };
}

/** How well a catalog serves someone asking for `wanted`: 0 not at all, higher is closer. */
function closeness(wanted: Parsed, catalog: Parsed): number {
  if (wanted.language !== catalog.language) return 0;
  if (wanted.tag === catalog.tag) return 4;
  const sameScript = wanted.likely.script === catalog.likely.script;
  if (sameScript && wanted.likely.region === catalog.likely.region) return 3;
  return sameScript ? 2 : 1;
}

/**
 * The first preferred tag that any available language serves decides (['pt-BR', 'fr-CA', 'en'] with
 * no Portuguese catalog -> 'fr'); among catalogs of that language the closest one wins (a 'zh-Hant'
 * catalog over a 'zh' one for 'zh-TW'). `fallback` (English, for the screens) when nothing fits.
 */
export function pickLanguage<L extends string>(preferred: Iterable<unknown> | null | undefined, available: readonly L[], fallback: L): L {
  const catalogs = available.flatMap((language) => {
    const parsed = parse(language);
    return parsed ? [{ language, parsed }] : [];
  });
  for (const tag of safeList(preferred)) {
    const wanted = parse(tag);
    if (!wanted) continue;
    let best: { language: L; score: number } | null = null;
    for (const catalog of catalogs) {
      const score = closeness(wanted, catalog.parsed);
      if (score > (best?.score ?? 0)) best = { language: catalog.language, score };
    }
    if (best) return best.language;
  }
  return fallback;
}

/** The strings of whatever list we were given; a front door's odd value must not stop the screen. */
function safeList(preferred: Iterable<unknown> | null | undefined): string[] {
  try {
    return preferred ? Array.from(preferred).filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** At most this many tags travel from a front door: a real list is a handful. */
export const maxPreferredLanguages = 16;

/** A front door's list as canonical tags, most preferred first, each once, unreadable ones dropped. */
export function canonicalLanguageTags(list: Iterable<unknown> | null | undefined): string[] {
  const tags = new Set<string>();
  for (const raw of safeList(list)) {
    const tag = canonicalLanguageTag(raw);
    if (tag) tags.add(tag);
    if (tags.size === maxPreferredLanguages) break;
  }
  return [...tags];
}
