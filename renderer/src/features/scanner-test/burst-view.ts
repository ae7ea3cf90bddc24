// What the scanner test page says about one burst of keys. Pure.
import { classifyRead, displayRaw } from '../../../../shared/domain/barcode';
import type { WedgeBurst } from '../../scanner/wedge-detector';

export const TERMINATOR_LABELS: Readonly<Record<WedgeBurst['terminator'], string>> = {
  Enter: 'Enter (suffix)',
  Tab: 'Tab (suffix)',
  silence: 'a pause (no suffix sent)',
  interrupted: 'another key',
};

/** How the characters were obtained from the keys. */
export function readingOf(burst: WedgeBurst): string {
  if (burst.recoveredFromCodes) return `Recovered from the physical keys: the keyboard layout typed "${displayRaw(burst.typed)}". The scanner and this PC use different layouts.`;
  if (burst.layoutMismatch) return 'Typed, but some digit keys produced other characters: the scanner and this PC use different layouts.';
  return 'Typed as is (scanner and PC layouts agree).';
}

/** What the classifier makes of the text (the core decides again when a scan is recorded). */
export function classificationOf(text: string): string {
  const read = classifyRead({ raw: text });
  switch (read.kind) {
    case 'pkid':
      return `PKID ${read.value}`;
    case 'pkid-unconfirmed':
      return `PKID ${read.value}? (also passes the EAN-13 check: the operator is asked)`;
    case 'serial':
      return `Serial ${read.value}${read.manufacturer ? ` (${read.manufacturer}${read.model ? ` ${read.model}` : ''})` : ''}`;
    case 'gtin':
      return `Retail barcode (${read.format.toUpperCase()} ${read.value}): refused when scanned`;
    case 'unknown':
    case 'invalid':
      return `Not usable: ${read.reason}`;
  }
}

export const ms = (n: number): string => `${Number.isFinite(n) ? (Number.isInteger(n) ? n : n.toFixed(1)) : '–'} ms`;

/** Keys of one person's typing closer together than this are shown as one burst, not one card per key. */
export const TYPING_JOIN_MS = 1500;

/**
 * A person's typing arrives as one short rejected burst per key (each ends in silence). Joined into the
 * card before it while the keys keep coming, so the page shows "typed by a person", once.
 */
export function coalesceBurst(previous: WedgeBurst | undefined, next: WedgeBurst): WedgeBurst | null {
  if (previous === undefined || previous.accepted || next.accepted) return null;
  // endTime is when silence closed the burst, not its last key: the pause is measured key to key.
  const previousLastKey = previous.startTime + previous.gaps.reduce((a, b) => a + b, 0);
  const pause = next.startTime - previousLastKey;
  if (pause < 0 || pause > TYPING_JOIN_MS) return null;
  const gaps = [...previous.gaps, pause, ...next.gaps];
  const maxGap = Math.max(...gaps);
  const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  return {
    ...next,
    text: previous.text + next.text,
    typed: previous.typed + next.typed,
    recoveredFromCodes: previous.recoveredFromCodes || next.recoveredFromCodes,
    layoutMismatch: previous.layoutMismatch || next.layoutMismatch,
    gaps,
    meanGap,
    maxGap,
    startTime: previous.startTime,
    rejectReason: `typed by a person: ${[...(previous.text + next.text)].length} keys with gaps up to ${Math.round(maxGap)} ms (a scan has no gap over the limit below)`,
  };
}
