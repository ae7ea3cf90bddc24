// Every batch, grouped by state with counts: ready for review first, then open, then the rest.
import { useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { batchStates, type BatchState } from '../../../../shared/domain/batch';
import { useTranslation } from '../../i18n';
import { formatCount, formatWhen } from '../../lib/format';

const order: BatchState[] = ['closed', 'open', 'needs_attention', 'approved', 'uploading', 'registered'];

interface Props {
  batches: readonly BatchSummary[];
  canReview: boolean;
  onOpen(batch: BatchSummary): void;
}

export function BatchList({ batches, canReview, onOpen }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const [shown, setShown] = useState<BatchState | 'all'>('all');
  const counts = Object.fromEntries(batchStates.map((s) => [s, batches.filter((b) => b.state === s).length])) as Record<BatchState, number>;
  const rows = [...batches].filter((b) => shown === 'all' || b.state === shown).sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || b.createdAt - a.createdAt);
  return (
    <section aria-label={t('page.title')} data-testid="batch-list">
      <div className="tabs state-tabs" role="group" aria-label={t('list.showThat')}>
        <button type="button" className="tab" aria-pressed={shown === 'all'} onClick={() => setShown('all')} data-testid="batch-filter-all">
          {t('list.all')} <span className="tab-count">{formatCount(batches.length)}</span>
        </button>
        {order.map((s) => (
          <button key={s} type="button" className="tab" aria-pressed={shown === s} onClick={() => setShown(s)} disabled={counts[s] === 0 && shown !== s} data-testid={`batch-filter-${s}`}>
            {t(`state.${s}`)} <span className="tab-count" data-testid={`batch-count-${s}`}>{formatCount(counts[s])}</span>
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="big-text">{t('list.empty')}</p>
      ) : (
        <table className="table lead-table batch-table">
          <thead>
            <tr>
              <th scope="col">{t('list.batch')}</th>
              <th scope="col">{t('list.state')}</th>
              <th scope="col" className="num">
                {t('list.devices')}
              </th>
              <th scope="col">{t('list.started')}</th>
              <th scope="col">
                <span className="sr-only">{t('list.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id} data-testid={`batch-row-${b.name}`} data-state={b.state}>
                <th scope="row" className="batch-name">
                  {b.name}
                </th>
                <td>
                  <span className={`chip chip-batch-${b.state}`}>{t(`state.${b.state}`)}</span>
                </td>
                <td className="num">{formatCount(b.deviceCount)}</td>
                <td>{t('list.startedBy', { name: b.createdBy, when: formatWhen(b.createdAt) })}</td>
                <td>
                  {canReview && (
                    <button type="button" className="btn btn-small btn-primary" onClick={() => onOpen(b)} data-testid={`batch-open-${b.name}`}>
                      {b.state === 'closed' ? t('list.review') : t('list.open')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
