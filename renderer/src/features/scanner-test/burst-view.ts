// What the scanner test page says about one burst of keys. Pure.
import { classifyRead, displayRaw } from '../../../../shared/domain/barcode';
import { i18n } from '../../i18n';
import { formatMs } from '../../i18n/format';
import type { WedgeBurst } from '../../scanner/wedge-detector';

const say = (key: string, params?: Record<string, string | number>): string => i18n.t(key, { ns: 'scannerTest', ...params });

/** How a burst ended, in words (scannerTest.terminator.<terminator>). */
export function terminatorLabel(terminator: WedgeBurst['terminator']): string {
  return say(`terminator.${terminator}`);
}

/** How the characters were obtained from the keys. */
export function readingOf(burst: WedgeBurst): string {
  if (burst.recoveredFromCodes) return say('reading.recovered', { typed: displayRaw(burst.typed) });
  if (burst.layoutMismatch) return say('reading.mismatch');
  return say('reading.asIs');
}

/** What the classifier makes of the text (the core decides again when a scan is recorded). */
export function classificationOf(text: string): string {
  const read = classifyRead({ raw: text });
  switch (read.kind) {
    case 'pkid':
      return say('classified.pkid', { value: read.value });
    case 'pkid-unconfirmed':
      return say('classified.pkidUnconfirmed', { value: read.value });
    case 'serial':
      if (!read.manufacturer) return say('classified.serial', { value: read.value });
      return say('classified.serialOf', { value: read.value, maker: read.model ? `${read.manufacturer} ${read.model}` : read.manufacturer });
    case 'gtin':
      return say('classified.gtin', { format: read.format.toUpperCase(), value: read.value });
    case 'unknown':
    case 'invalid':
      return say('classified.unusable', { reason: read.reason });
  }
}

/** "8 ms", "8.5 ms" (the language's decimal sign), "– ms" when there is no gap to measure. */
export function ms(n: number): string {
  return say('ms', { value: Number.isFinite(n) ? formatMs(n) : '–' });
}

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
    rejection: { code: 'typedByPerson', keys: [...(previous.text + next.text)].length, gapMs: Math.round(maxGap) },
  };
}
