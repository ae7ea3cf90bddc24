// One batch's results: how many devices are registered, failed or still on their way, the list of
// devices (failed ones explained, with what to do), and the lead's actions on the failed ones.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useAppStore } from '../../store/provider';
import { DeregisterActions } from './DeregisterActions';
import { DeviceList } from './DeviceList';
import { deviceName } from './DeviceRow';
import { FailedActions } from './FailedActions';
import { ProfileAssign } from './ProfileAssign';
import { ProgressBar } from './ProgressBar';
import { RemoteBatchStatus } from './RemoteBatchStatus';
import { counted } from '../../lib/sync-view';
import { RESULT_FILTERS, useBatchDevices, type ResultFilter } from './use-batch-devices';

interface Ticked {
  state: 'failed' | 'registered';
  name: string;
}

export function BatchResults({ batch, customerName }: { batch: BatchSummary; customerName: string | null }): ReactNode {
  const { t } = useTranslation('upload');
  const mayAct = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:approve') : false));
  const [filter, setFilter] = useState<ResultFilter | null>(null);
  // Ticked devices with the state they were ticked in: failed ones are retried, registered ones removed.
  const [selected, setSelected] = useState<ReadonlyMap<number, Ticked>>(new Map());
  const shown: ResultFilter = filter ?? 'live';
  const devices = useBatchDevices(batch.id, shown);
  const totals = devices.totals?.byState;

  // Until the lead picks a filter: the failed devices when there are any, else all of them.
  useEffect(() => {
    if (filter === null && totals && totals.failed > 0) setFilter('failed');
  }, [filter, totals]);

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

  const waiting = totals ? totals.scanned + totals.queued + totals.sending : 0;
  const settled = totals ? totals.registered + totals.failed : 0;
  return (
    <section className="batch-results" data-testid="batch-results" data-batch={batch.name} data-state={batch.state} aria-labelledby="batch-results-title">
      <header className="batch-results-head">
        <h2 id="batch-results-title">
          <Trans t={t} i18nKey="results.title" values={{ name: batch.name }} components={{ name: <span data-testid="batch-results-name" /> }} />
        </h2>
        <span className={`state-chip state-${batch.state}`} data-testid="batch-results-state">
          {t(`batchState.${batch.state}`)}
        </span>
        <span className="batch-customer">{customerName ? t('results.forCustomer', { name: customerName }) : t('results.noCustomer')}</span>
      </header>
      {totals && (
        <div className="result-counts" aria-live="polite">
          <span className="count count-registered" data-testid="result-registered" data-value={totals.registered}>
            <Trans t={t} i18nKey="results.registered" values={counted(totals.registered)} components={{ b: <strong /> }} />
          </span>
          <span className="count count-failed" data-testid="result-failed" data-value={totals.failed}>
            <Trans t={t} i18nKey="results.failed" values={counted(totals.failed)} components={{ b: <strong /> }} />
          </span>
          <span className="count count-waiting" data-testid="result-waiting" data-value={waiting}>
            <Trans t={t} i18nKey="results.onTheWay" values={counted(waiting)} components={{ b: <strong /> }} />
          </span>
          <ProgressBar done={settled} total={totals.live} label={t('results.progress', { name: batch.name })} testId="batch-progress" />
        </div>
      )}
      <Message kind="error" testId="batch-results-error">
        {devices.error}
      </Message>
      <div className="batch-results-body">
        <div className="batch-results-list">
      <div className="tabs result-filters" role="group" aria-label={t('results.show')}>
        {RESULT_FILTERS.map((f) => {
          const n = totals ? (f === 'live' ? totals.live : totals[f]) : 0;
          if (n === 0 && f !== 'live' && f !== shown) return null;
          return (
            <button key={f} type="button" className="tab" aria-pressed={shown === f} onClick={() => setFilter(f)} data-testid={`result-filter-${f}`}>
              {t('results.filterCount', { label: t(`results.filter.${f}`), n: formatNumber(n) })}
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
            else if (row && (row.state === 'failed' || row.state === 'registered')) next.set(id, { state: row.state, name: deviceName(row, t) });
            return next;
          })
        }
        canRemove={mayAct}
      />
        </div>
      {mayAct && (
        // The lead's actions sit beside the device list on a wide enough screen, so the list starts
        // near the top of a 1280×800 dock monitor instead of below them.
        <aside className="batch-actions" aria-label={t('results.actions', { name: batch.name })} data-testid="batch-actions">
          {totals && totals.failed > 0 && <FailedActions batch={batch} failed={totals.failed} selected={tickedFailed} onDone={() => setSelected(new Map())} />}
          {totals && totals.registered > 0 && <DeregisterActions batch={batch} registered={totals.registered} ticked={tickedRegistered} onDone={() => setSelected(new Map())} />}
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
