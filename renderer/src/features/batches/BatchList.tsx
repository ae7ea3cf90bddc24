// Every batch, grouped by state with counts: ready for review first, then open, then the rest.
import { useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { batchStateLabels, batchStates, type BatchState } from '../../../../shared/domain/batch';
import { formatCount, formatWhen } from './format';

const order: BatchState[] = ['closed', 'open', 'needs_attention', 'approved', 'uploading', 'registered'];

interface Props {
  batches: readonly BatchSummary[];
  canReview: boolean;
  onOpen(batch: BatchSummary): void;
}

export function BatchList({ batches, canReview, onOpen }: Props): ReactNode {
  const [shown, setShown] = useState<BatchState | 'all'>('all');
  const counts = Object.fromEntries(batchStates.map((s) => [s, batches.filter((b) => b.state === s).length])) as Record<BatchState, number>;
  const rows = [...batches].filter((b) => shown === 'all' || b.state === shown).sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || b.createdAt - a.createdAt);
  return (
    <section aria-label="Batches" data-testid="batch-list">
      <div className="tabs state-tabs" role="group" aria-label="Show batches that are">
        <button type="button" className="tab" aria-pressed={shown === 'all'} onClick={() => setShown('all')} data-testid="batch-filter-all">
          All <span className="tab-count">{formatCount(batches.length)}</span>
        </button>
        {order.map((s) => (
          <button key={s} type="button" className="tab" aria-pressed={shown === s} onClick={() => setShown(s)} disabled={counts[s] === 0 && shown !== s} data-testid={`batch-filter-${s}`}>
            {batchStateLabels[s]} <span className="tab-count" data-testid={`batch-count-${s}`}>{formatCount(counts[s])}</span>
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="big-text">No batches yet: start one on the Scan page.</p>
      ) : (
        <table className="table lead-table batch-table">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Devices
              </th>
              <th scope="col">Started</th>
              <th scope="col">
                <span className="sr-only">Open</span>
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
                  <span className={`chip chip-batch-${b.state}`}>{batchStateLabels[b.state]}</span>
                </td>
                <td className="num">{formatCount(b.deviceCount)}</td>
                <td>
                  {b.createdBy}, {formatWhen(b.createdAt)}
                </td>
                <td>
                  {canReview && (
                    <button type="button" className="btn btn-small btn-primary" onClick={() => onOpen(b)} data-testid={`batch-open-${b.name}`}>
                      {b.state === 'closed' ? 'Review' : 'Open'}
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
