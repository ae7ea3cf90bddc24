// The review list's filters: state (with counts), who scanned, how (scanner, camera, import), and a
// search over PKID/serial prefixes and make/model text.
import { useEffect, useState, type ReactNode } from 'react';
import type { ReviewTotals } from '../../../../shared/contract/review';
import { useTranslation } from '../../i18n';
import { formatCount } from '../../lib/format';
import type { ReviewQuery, SourceFilter, StateFilter } from './use-review-rows';

export type Filters = Omit<ReviewQuery, 'batchId'>;

// In this order; each says its words from batches.filter.<state>.
const stateOptions: readonly StateFilter[] = ['all', 'live', 'removed', 'scanned', 'queued', 'sending', 'registered', 'failed'];

const SEARCH_DELAY_MS = 250;

interface Props {
  filters: Filters;
  totals: ReviewTotals | null;
  onChange(filters: Filters): void;
}

export function ReviewFilters({ filters, totals, onChange }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const [text, setText] = useState(filters.search ?? '');
  useEffect(() => {
    const wanted = text.trim() || undefined;
    if (wanted === filters.search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: wanted }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="review-filters" role="search" aria-label={t('filter.label')}>
      <label className="review-filter">
        <span className="sr-only">{t('list.state')}</span>
        <select value={filters.state} onChange={(e) => onChange({ ...filters, state: e.target.value as StateFilter })} data-testid="review-filter-state">
          {stateOptions.map((o) => (
            <option key={o} value={o}>
              {totals ? t('filter.counted', { label: t(`filter.${o}`), n: formatCount(totals.byState[o]) }) : t(`filter.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span className="sr-only">{t('filter.operator')}</span>
        <select
          value={filters.operatorId ?? ''}
          onChange={(e) => onChange({ ...filters, operatorId: e.target.value ? Number(e.target.value) : undefined })}
          data-testid="review-filter-operator"
        >
          <option value="">{t('filter.allOperators')}</option>
          {totals?.byOperator.map((o) => (
            <option key={o.operatorId} value={o.operatorId}>
              {t('filter.counted', { label: o.name, n: formatCount(o.count) })}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span className="sr-only">{t('filter.source')}</span>
        <select value={filters.source ?? ''} onChange={(e) => onChange({ ...filters, source: (e.target.value || undefined) as SourceFilter | undefined })} data-testid="review-filter-source">
          <option value="">{t('filter.allSources')}</option>
          {totals?.bySource.map((s) => (
            <option key={s.source} value={s.source}>
              {t('filter.counted', { label: t(`source.${s.source}`), n: formatCount(s.count) })}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter review-filter-search">
        <span className="sr-only">{t('filter.search')}</span>
        <input type="search" value={text} maxLength={64} placeholder={t('filter.searchPlaceholder')} title={t('filter.searchTitle')} onChange={(e) => setText(e.target.value)} data-testid="review-search" />
      </label>
    </div>
  );
}
