// The audit viewer (shift leads, admins): what happened in words with names (the core's sentence), when,
// to which object, with what result, filtered and paged newest first, under the hash chain's verdict.
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { formatDayTime } from '../../i18n/format';
import { useApi, useAppStore } from '../../store/provider';
import { AuditFiltersBar } from './AuditFiltersBar';
import { ChainStatusBanner } from './ChainStatus';
import { useAudit, type AuditFilters, type AuditRow } from './use-audit';
import './audit.css';

export function AuditViewer(): ReactNode {
  const { t } = useTranslation('audit');
  const api = useApi();
  const roster = useAppStore((s) => s.roster);
  const loadRoster = useAppStore((s) => s.loadRoster);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const audit = useAudit(filters);

  useEffect(() => {
    void loadRoster();
    let live = true;
    void api.call('batches:list', {}).then((r) => {
      if (live && r.ok) setBatches(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, loadRoster]);

  return (
    <section className="audit-viewer" data-testid="audit-viewer">
      <ChainStatusBanner chain={audit.chain} />
      <AuditFiltersBar filters={filters} roster={roster} batches={batches} onChange={setFilters} />
      <Message kind="error" testId="audit-error">
        {audit.error}
      </Message>
      <table className="table lead-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('table.when')}</th>
            <th scope="col">{t('table.who')}</th>
            <th scope="col">{t('table.what')}</th>
            <th scope="col">{t('table.object')}</th>
            <th scope="col">{t('table.result')}</th>
            <th scope="col">{t('table.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.rows.map((r) => (
            <Row key={r.id} row={r} />
          ))}
          {!audit.loading && audit.rows.length === 0 && (
            <tr>
              <td colSpan={6}>{t('table.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {audit.hasMore && (
        <button type="button" className="btn" disabled={audit.loading} onClick={audit.loadMore} data-testid="audit-more">
          {t('table.more')}
        </button>
      )}
    </section>
  );
}

function detailText(detail: string): string {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object') {
      return Object.entries(parsed)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' · ');
    }
  } catch {
    // Not JSON: shown as it is.
  }
  return detail;
}

function Row({ row: r }: { row: AuditRow }): ReactNode {
  const { t } = useTranslation('audit');
  const text = detailText(r.detail);
  return (
    <tr data-testid={`audit-row-${r.id}`} data-action={r.action} className={r.result === 'ok' ? undefined : 'audit-row-refused'}>
      <td className="audit-when">
        {formatDayTime(r.at)}
        <div className="review-sub">{t('table.id', { id: r.id })}</div>
      </td>
      <td>{r.operatorName ?? t('table.station')}</td>
      <td data-testid={`audit-summary-${r.id}`}>
        {r.summary}
        {/* The code stays, small, for support and for the action filter. */}
        <div className="review-sub">
          <code>{r.action}</code>
        </div>
      </td>
      <td>{r.objectName ?? '—'}</td>
      <td>
        <span className={`chip${r.result === 'ok' ? '' : ' chip-failed'}`}>{t(`result.${r.result}`, { defaultValue: r.result })}</span>
      </td>
      <td className="audit-detail" title={text}>
        {text}
      </td>
    </tr>
  );
}
