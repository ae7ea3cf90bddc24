// The review list's filters: state (with counts), who scanned, how (scanner, camera, import), and a
// search over PKID/serial prefixes and make/model text.
import { useEffect, useState, type ReactNode } from 'react';
import type { ReviewTotals } from '../../../../shared/contract/review';
import { formatCount, sourceLabels } from './format';
import type { ReviewQuery, SourceFilter, StateFilter } from './use-review-rows';

export type Filters = Omit<ReviewQuery, 'batchId'>;

const stateOptions: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All lines' },
  { value: 'live', label: 'In the batch' },
  { value: 'removed', label: 'Removed' },
  { value: 'scanned', label: 'Not sent yet' },
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'registered', label: 'Registered' },
  { value: 'failed', label: 'Failed' },
];

const SEARCH_DELAY_MS = 250;

interface Props {
  filters: Filters;
  totals: ReviewTotals | null;
  onChange(filters: Filters): void;
}

export function ReviewFilters({ filters, totals, onChange }: Props): ReactNode {
  const [text, setText] = useState(filters.search ?? '');
  useEffect(() => {
    const wanted = text.trim() || undefined;
    if (wanted === filters.search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: wanted }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="review-filters" role="search" aria-label="Filter the lines">
      <label className="review-filter">
        <span className="sr-only">State</span>
        <select value={filters.state} onChange={(e) => onChange({ ...filters, state: e.target.value as StateFilter })} data-testid="review-filter-state">
          {stateOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
              {totals ? ` (${formatCount(totals.byState[o.value])})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span className="sr-only">Scanned by</span>
        <select
          value={filters.operatorId ?? ''}
          onChange={(e) => onChange({ ...filters, operatorId: e.target.value ? Number(e.target.value) : undefined })}
          data-testid="review-filter-operator"
        >
          <option value="">All operators</option>
          {totals?.byOperator.map((o) => (
            <option key={o.operatorId} value={o.operatorId}>
              {o.name} ({formatCount(o.count)})
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span className="sr-only">Source</span>
        <select value={filters.source ?? ''} onChange={(e) => onChange({ ...filters, source: (e.target.value || undefined) as SourceFilter | undefined })} data-testid="review-filter-source">
          <option value="">All sources</option>
          {totals?.bySource.map((s) => (
            <option key={s.source} value={s.source}>
              {sourceLabels[s.source]} ({formatCount(s.count)})
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter review-filter-search">
        <span className="sr-only">Search this batch</span>
        <input type="search" value={text} maxLength={64} placeholder="Search PKID, serial…" title="PKID or serial (start), make or model" onChange={(e) => setText(e.target.value)} data-testid="review-search" />
      </label>
    </div>
  );
}
