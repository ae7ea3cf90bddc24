// Where the renderer lives: app://dockside. Every check against "our origin" goes through here, on a
// parsed URL (a prefix test would let app://dockside.evil or app://dockside@evil through).
export const appScheme = 'app';
export const appHost = 'dockside';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** scheme://host[:port] of a URL, or null. Node's URL gives origin "null" for non-special schemes like
 *  app:, so the tuple is rebuilt from the parsed parts instead. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
}

export function isAppOrigin(url: string | null | undefined): boolean {
  return typeof url === 'string' && originOf(url) === appOrigin;
}
