import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { percent } from '../../lib/sync-view';

/** A thick progress bar with its numbers in words beside it ("3 of 5"). */
export function ProgressBar({ done, total, label, testId, tone = 'light' }: { done: number; total: number; label: string; testId: string; tone?: 'light' | 'dark' }): ReactNode {
  const { t } = useTranslation('upload');
  const pct = percent(done, total);
  return (
    <span className={`progress progress-${tone}`} data-testid={testId} data-done={done} data-total={total}>
      <span className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={t('progress', { done: String(done), total: String(total) })}>
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="progress-text">{t('progress', { done: formatNumber(done), total: formatNumber(total) })}</span>
    </span>
  );
}
