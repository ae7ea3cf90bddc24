// One batch's results: how many devices are registered, failed or still on their way, the list of
// devices (failed ones explained, with what to do), and the lead's actions on the failed ones.
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { batchStateLabels } from '../../../../shared/domain/batch';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useAppStore } from '../../store/provider';
import { DeviceList } from './DeviceList';
import { FailedActions } from './FailedActions';
import { ProfileAssign } from './ProfileAssign';
import { ProgressBar } from './ProgressBar';
import { useBatchDevices, type ResultFilter } from './use-batch-devices';

const filterLabels: Record<ResultFilter, string> = {
  failed: 'Failed',
  queued: 'Waiting to send',
  sending: 'Sending',
  registered: 'Registered',
  live: 'All',
};

export function BatchResults({ batch, customerName }: { batch: BatchSummary; customerName: string | null }): ReactNode {
  const mayAct = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:approve') : false));
  const [filter, setFilter] = useState<ResultFilter | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const shown: ResultFilter = filter ?? 'live';
  const devices = useBatchDevices(batch.id, shown);
  const t = devices.totals?.byState;

  // Until the lead picks a filter: the failed devices when there are any, else all of them.
  useEffect(() => {
    if (filter === null && t && t.failed > 0) setFilter('failed');
  }, [filter, t]);

  // A selection only holds devices that are still failed.
  useEffect(() => {
    if (shown !== 'failed' && shown !== 'live') return;
    const failedNow = new Set(devices.rows.filter((d) => d.state === 'failed').map((d) => d.id));
    setSelected((before) => {
      const kept = [...before].filter((id) => failedNow.has(id) || !devices.rows.some((d) => d.id === id));
      return kept.length === before.size ? before : new Set(kept);
    });
  }, [devices.rows, shown]);

  const waiting = t ? t.scanned + t.queued + t.sending : 0;
  const settled = t ? t.registered + t.failed : 0;
  return (
    <section className="batch-results" data-testid="batch-results" data-batch={batch.name} data-state={batch.state} aria-labelledby="batch-results-title">
      <header className="batch-results-head">
        <h2 id="batch-results-title">
          Batch <span data-testid="batch-results-name">{batch.name}</span>
        </h2>
        <span className={`state-chip state-${batch.state}`} data-testid="batch-results-state">
          {batchStateLabels[batch.state]}
        </span>
        <span className="batch-customer">{customerName ? `for ${customerName}` : 'no customer chosen'}</span>
      </header>
      {t && (
        <div className="result-counts" aria-live="polite">
          <span className="count count-registered" data-testid="result-registered" data-value={t.registered}>
            <strong>{t.registered.toLocaleString('en-GB')}</strong> registered
          </span>
          <span className="count count-failed" data-testid="result-failed" data-value={t.failed}>
            <strong>{t.failed.toLocaleString('en-GB')}</strong> failed
          </span>
          <span className="count count-waiting" data-testid="result-waiting" data-value={waiting}>
            <strong>{waiting.toLocaleString('en-GB')}</strong> on the way
          </span>
          <ProgressBar done={settled} total={t.live} label={`Results of batch ${batch.name}`} testId="batch-progress" />
        </div>
      )}
      <Message kind="error" testId="batch-results-error">
        {devices.error}
      </Message>
      {mayAct && t && t.failed > 0 && <FailedActions batch={batch} failed={t.failed} selected={selected} onDone={() => setSelected(new Set())} />}
      {mayAct && batch.customerTenantId && (batch.state === 'registered' || batch.state === 'needs_attention') && (
        <ProfileAssign batch={batch} customerTenantId={batch.customerTenantId} customerName={customerName ?? batch.customerTenantId} />
      )}
      <div className="tabs result-filters" role="group" aria-label="Show devices">
        {(Object.keys(filterLabels) as ResultFilter[]).map((f) => {
          const n = t ? (f === 'live' ? t.live : t[f]) : 0;
          if (n === 0 && f !== 'live' && f !== shown) return null;
          return (
            <button key={f} type="button" className="tab" aria-pressed={shown === f} onClick={() => setFilter(f)} data-testid={`result-filter-${f}`}>
              {filterLabels[f]} ({n.toLocaleString('en-GB')})
            </button>
          );
        })}
      </div>
      <DeviceList
        rows={devices.rows}
        total={devices.totals?.matching ?? devices.rows.length}
        hasMore={devices.hasMore}
        loadMore={devices.loadMore}
        selectable={mayAct}
        selected={selected}
        onToggle={(id) =>
          setSelected((before) => {
            const next = new Set(before);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          })
        }
        canRemove={mayAct}
      />
    </section>
  );
}
