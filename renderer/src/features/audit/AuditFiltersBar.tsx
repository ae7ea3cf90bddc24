// Filters of the audit viewer: operator, action, batch and a time window.
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { RosterEntry } from '../../store/types';
import { useTranslation } from '../../i18n';
import type { AuditFilters } from './use-audit';

export const knownActions = [
  'scans:record',
  'scans:undo',
  'batches:create',
  'batches:close',
  'batches:reopen',
  'review:removeDevice',
  'review:restoreDevice',
  'review:fixDevice',
  'import:commit',
  'expected:import',
  'approval:approve',
  'customers:refresh',
  'session:signIn',
  'operators:add',
  'settings:update',
];

const toInput = (at: number | undefined): string => {
  if (at === undefined) return '';
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};
const fromInput = (value: string): number | undefined => (value ? new Date(value).getTime() : undefined);

interface Props {
  filters: AuditFilters;
  roster: readonly RosterEntry[];
  batches: readonly BatchSummary[];
  onChange(filters: AuditFilters): void;
}

export function AuditFiltersBar({ filters, roster, batches, onChange }: Props): ReactNode {
  const { t } = useTranslation('audit');
  const [action, setAction] = useState(filters.action ?? '');
  useEffect(() => {
    const wanted = action.trim() || undefined;
    if (wanted === filters.action) return;
    const timer = setTimeout(() => onChange({ ...filters, action: wanted }), 300);
    return () => clearTimeout(timer);
  }, [action, filters, onChange]);

  return (
    <div className="review-filters audit-filters" role="search" aria-label={t('filters.label')}>
      <label className="review-filter">
        <span>{t('filters.operator')}</span>
        <select value={filters.operatorId ?? ''} onChange={(e) => onChange({ ...filters, operatorId: e.target.value ? Number(e.target.value) : undefined })} data-testid="audit-filter-operator">
          <option value="">{t('filters.anyone')}</option>
          {roster.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span>{t('filters.action')}</span>
        <input list="audit-actions" value={action} maxLength={64} placeholder={t('filters.actionPlaceholder')} onChange={(e) => setAction(e.target.value)} data-testid="audit-filter-action" />
        <datalist id="audit-actions">
          {knownActions.map((a) => (
            <option key={a} value={a} label={t(`action.${a.replace(':', '.')}`)} />
          ))}
        </datalist>
      </label>
      <label className="review-filter">
        <span>{t('filters.batch')}</span>
        <select value={filters.batchId ?? ''} onChange={(e) => onChange({ ...filters, batchId: e.target.value ? Number(e.target.value) : undefined })} data-testid="audit-filter-batch">
          <option value="">{t('filters.any')}</option>
          {batches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className="review-filter">
        <span>{t('filters.from')}</span>
        <input type="datetime-local" value={toInput(filters.from)} onChange={(e) => onChange({ ...filters, from: fromInput(e.target.value) })} data-testid="audit-filter-from" />
      </label>
      <label className="review-filter">
        <span>{t('filters.to')}</span>
        <input type="datetime-local" value={toInput(filters.to)} onChange={(e) => onChange({ ...filters, to: fromInput(e.target.value) })} data-testid="audit-filter-to" />
      </label>
    </div>
  );
}
