// Reads end up in messages, logs and the scan list. A raw read may hold control characters, invisible
// format characters or 10 kB of garbage, so show it escaped and cut, never as is.

const NAMED: Readonly<Record<number, string>> = { 0x09: '<TAB>', 0x0a: '<LF>', 0x0d: '<CR>', 0x1d: '<GS>', 0x1b: '<ESC>' };

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;

function showCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const named = NAMED[cp];
  if (named !== undefined) return named;
  if (INVISIBLE.test(ch)) return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
  return ch;
}

/** `raw` made safe to show: control/format characters spelled out (`<GS>`, `<U+200B>`), cut to about
 * `maxChars` visible characters on a code-point boundary, with the full length when cut. */
export function displayRaw(raw: string, maxChars = 40): string {
  let out = '';
  let shown = 0;
  // Iterating the string walks code points, so a surrogate pair is never split.
  for (const ch of raw) {
    if (shown >= maxChars) return `${out}… (${raw.length} characters)`;
    out += showCodePoint(ch);
    shown += 1;
  }
  return out;
}
