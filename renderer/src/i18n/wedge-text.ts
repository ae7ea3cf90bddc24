// Why a burst of keys is not a scan, in the operator's language: the detector and shared/domain/wedge/pace.ts
// give a code and its figures, the scannerTest catalog says them, numbers by Intl.
import type { BurstRejection } from '../scanner/wedge-detector';
import { formatMs, formatNumber, formatPercent } from './format';
import { i18n } from '.';

const say = (key: string, params: Record<string, string | number> = {}): string => i18n.t(`rejection.${key}`, { ns: 'scannerTest', ...params });

export function rejectionText(r: BurstRejection): string {
  switch (r.code) {
    case 'interrupted':
      // The key's own name (Backspace, Ctrl+a): what is printed on the key, not a word to translate.
      return r.key === '' ? say('interruptedOther') : say('interrupted', { key: r.key });
    case 'repeating':
      return say('repeating');
    case 'tooShort':
      return say('tooShort', { count: r.length, min: formatNumber(r.minLength) });
    case 'pause':
      return say('pause', { gap: formatMs(r.gapMs), max: formatMs(r.maxGapMs) });
    case 'stalls':
      return say('stalls', { count: r.stalls, keys: formatNumber(r.keys) });
    case 'tooSlow':
      return say('tooSlow', { pace: formatMs(r.paceMs), max: formatMs(r.slowMeanMs) });
    case 'slowNoSuffix':
      return say('slowNoSuffix', { pace: formatMs(r.paceMs), fast: formatMs(r.fastMeanMs) });
    case 'slowUneven':
      return say('slowUneven', { pace: formatMs(r.paceMs), spread: formatPercent(r.spreadPercent) });
    case 'slowHeld':
      return say('slowHeld', { pace: formatMs(r.paceMs), hold: formatPercent(r.holdPercent) });
    case 'slowNotShaped':
      // Always one decimal: the pace a typist reaches is told apart by tenths.
      return say('slowNotShaped', { pace: formatNumber(r.paceMs, { useGrouping: false, minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
    case 'typedByPerson':
      return i18n.t('typedByPerson', { ns: 'scannerTest', count: r.keys, gap: formatMs(r.gapMs) });
  }
}
