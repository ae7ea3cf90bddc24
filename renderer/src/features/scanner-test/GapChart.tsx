// The gaps between the keys of a burst as bars (CSS only), with the two limits drawn across: a bar
// past the single-gap limit is red.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { ms } from './burst-view';

export function GapChart({ gaps, maxGapMs, maxMeanGapMs }: { gaps: readonly number[]; maxGapMs: number; maxMeanGapMs: number }): ReactNode {
  const { t } = useTranslation('scannerTest');
  const top = Math.max(maxGapMs * 1.25, ...gaps);
  const pct = (n: number): string => `${Math.min(100, (n / top) * 100)}%`;
  return (
    <div className="gap-chart" role="img" aria-label={t('chart.label', { gaps: gaps.map((g) => Math.round(g)).join(', ') })} data-testid="gap-chart">
      <div className="gap-limit gap-limit-max" style={{ bottom: pct(maxGapMs) }}>
        <span>{t('chart.max', { value: ms(maxGapMs) })}</span>
      </div>
      <div className="gap-limit gap-limit-mean" style={{ bottom: pct(maxMeanGapMs) }}>
        <span>{t('chart.mean', { value: ms(maxMeanGapMs) })}</span>
      </div>
      {gaps.map((gap, i) => (
        <div key={i} className={gap > maxGapMs ? 'gap-bar gap-bar-over' : 'gap-bar'} style={{ height: pct(gap) }} title={ms(gap)} data-testid="gap-bar" />
      ))}
    </div>
  );
}
