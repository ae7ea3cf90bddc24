// One batch's results: how many devices are registered, failed or still on their way, the list of
// devices (failed ones explained, with what to do), and the lead's actions on the failed ones.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { batchStateLabels } from '../../../../shared/domain/batch';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useAppStore } from '../../store/provider';
import { DeregisterActions } from './DeregisterActions';
import { DeviceList } from './DeviceList';
import { deviceName } from './DeviceRow';
import { FailedActions } from './FailedActions';
import { ProfileAssign } from './ProfileAssign';
import { ProgressBar } from './ProgressBar';
import { RemoteBatchStatus } from './RemoteBatchStatus';
import { useBatchDevices, type ResultFilter } from './use-batch-devices';

interface Ticked {
  state: 'failed' | 'registered';
  name: string;
}

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
  // Ticked devices with the state they were ticked in: failed ones are retried, registered ones removed.
  const [selected, setSelected] = useState<ReadonlyMap<number, Ticked>>(new Map());
  const shown: ResultFilter = filter ?? 'live';
  const devices = useBatchDevices(batch.id, shown);
  const t = devices.totals?.byState;

  // Until the lead picks a filter: the failed devices when there are any, else all of them.
  useEffect(() => {
    if (filter === null && t && t.failed > 0) setFilter('failed');
  }, [filter, t]);

  // A tick holds only while the device keeps the state it was ticked in.
  useEffect(() => {
    setSelected((before) => {
      const kept = [...before].filter(([id, tick]) => {
        const row = devices.rows.find((d) => d.id === id);
        return !row || row.state === tick.state;
      });
      return kept.length === before.size ? before : new Map(kept);
    });
  }, [devices.rows]);
  const tickedFailed = useMemo(() => new Set([...selected].filter(([, v]) => v.state === 'failed').map(([id]) => id)), [selected]);
  const tickedRegistered = useMemo(() => new Map([...selected].filter(([, v]) => v.state === 'registered').map(([id, v]) => [id, v.name])), [selected]);

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
      <div className="batch-results-body">
        <div className="batch-results-list">
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
            const next = new Map(before);
            const row = devices.rows.find((d) => d.id === id);
            if (next.has(id)) next.delete(id);
            else if (row && (row.state === 'failed' || row.state === 'registered')) next.set(id, { state: row.state, name: deviceName(row) });
            return next;
          })
        }
        canRemove={mayAct}
      />
        </div>
      {mayAct && (
        // The lead's actions sit beside the device list on a wide enough screen, so the list starts
        // near the top of a 1280×800 dock monitor instead of below them.
        <aside className="batch-actions" aria-label={`Actions on batch ${batch.name}`} data-testid="batch-actions">
          {t && t.failed > 0 && <FailedActions batch={batch} failed={t.failed} selected={tickedFailed} onDone={() => setSelected(new Map())} />}
          {t && t.registered > 0 && <DeregisterActions batch={batch} registered={t.registered} ticked={tickedRegistered} onDone={() => setSelected(new Map())} />}
          {batch.customerTenantId && <RemoteBatchStatus batch={batch} customerTenantId={batch.customerTenantId} />}
          {batch.customerTenantId && (batch.state === 'registered' || batch.state === 'needs_attention') && (
            <ProfileAssign batch={batch} customerTenantId={batch.customerTenantId} customerName={customerName ?? batch.customerTenantId} ticked={[...tickedRegistered.keys()]} />
          )}
        </aside>
      )}
      </div>
    </section>
  );
}
