// Settings → Fleet, for shift leads: is this dock's station on the warehouse's hub, does the hub answer,
// how many lines wait for its confirmation or belong to another dock, and who holds which upload lease.
// "Sync now" runs a round at once; the long-lived station also runs one every few seconds by itself.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { FleetRound, FleetStatus } from '../../../../shared/contract/fleet';
import { Trans } from 'react-i18next';
import { Message } from '../../components/Message';
import { i18n, useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { formatRecent } from '../../i18n/format';
import { useApi } from '../../store/provider';
import './maintenance.css';

const REFRESH_MS = 10_000;
const say = (key: string, params?: Record<string, string | number>): string => i18n.t(key, { ns: 'settings', ...params });

const when = (iso: string | null): string => (iso === null ? say('fleet.never') : formatRecent(Date.parse(iso)));

function roundWords(r: FleetRound): string {
  const parts = [say('fleet.round.sent', { sent: say('fleet.identities', { count: r.pushed }), received: say('fleet.identities', { count: r.pulled }) })];
  if (r.flagged > 0) parts.push(say('fleet.round.flagged', { count: r.flagged }));
  if (r.released > 0) parts.push(say('fleet.round.released', { count: r.released }));
  if (r.reclaimed > 0) parts.push(say('fleet.round.reclaimed', { count: r.reclaimed }));
  return parts.join(' ');
}

/** "Dock 1: PO-A (open, 12 devices), PO-B (approved, 240 devices); Dock 4: …", by dock. */
function otherBatchesWords(status: FleetStatus): string {
  if (!status.reachable) return say('fleet.unknownOffline');
  if (status.otherBatches.length === 0) return say('fleet.none');
  const byDock = new Map<string, string[]>();
  for (const b of status.otherBatches) {
    const state = say(`fleet.state.${b.state}`, { defaultValue: b.state });
    byDock.set(b.stationName, [...(byDock.get(b.stationName) ?? []), say('fleet.otherBatch', { batch: b.batchName, state, count: b.devices })]);
  }
  return [...byDock].map(([dock, batches]) => say('fleet.dockBatches', { dock, batches: batches.join(', ') })).join('; ');
}

export function FleetPanel(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [status, setStatus] = useState<FleetStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.call('fleet:status', {});
    if (r.ok) {
      setStatus(r.value);
      setLoadError(null);
    } else setLoadError(errorText(r.error));
  }, [api]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function syncNow(): Promise<void> {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const r = await api.call('fleet:syncNow', {});
      if (r.ok) setDone(roundWords(r.value));
      else setError(errorText(r.error));
      await load();
    } finally {
      setBusy(false);
    }
  }

  if (status && !status.member) {
    return (
      <section className="maintenance-card" data-testid="fleet-panel" data-member="false">
        <h2>{t('fleet.title')}</h2>
        <p>
          <Trans t={t} i18nKey="fleet.alone" components={{ cmd: <code /> }} />
        </p>
      </section>
    );
  }

  return (
    <section className="maintenance-card" data-testid="fleet-panel" data-member={status ? 'true' : undefined}>
      <h2>{t('fleet.title')}</h2>
      {status && (
        <dl className="fleet-facts">
          <dt>{t('fleet.thisDock')}</dt>
          <dd data-testid="fleet-station">{status.stationName}</dd>
          <dt>{t('fleet.hub')}</dt>
          <dd>
            <code>{status.hub}</code>
          </dd>
          <dt>{t('fleet.hubAnswers')}</dt>
          <dd data-testid="fleet-reachable" data-reachable={String(status.reachable)}>
            {status.reachable ? t('fleet.yes') : t('fleet.no', { problem: status.problem ?? t('fleet.notReached') })}
          </dd>
          <dt>{t('fleet.lastSentReceived')}</dt>
          <dd>
            {when(status.lastPushAt)} / {when(status.lastPullAt)}
          </dd>
          <dt>{t('fleet.waitingTitle')}</dt>
          <dd data-testid="fleet-waiting">{status.waitingForConfirmation === 0 ? t('fleet.noneWaits') : t('fleet.waiting', { count: status.waitingForConfirmation })}</dd>
          <dt>{t('fleet.duplicatesTitle')}</dt>
          <dd data-testid="fleet-duplicates">{status.duplicates === 0 ? t('fleet.none') : t('fleet.duplicates', { count: status.duplicates })}</dd>
          <dt>{t('fleet.leasesTitle')}</dt>
          <dd data-testid="fleet-leases">
            {status.uploadLeases.length === 0
              ? t('fleet.noLeases')
              : status.uploadLeases.map((l) => t('fleet.lease', { dock: l.stationName, tenant: l.customerTenantId, until: formatRecent(Date.parse(l.expiresAt)) })).join('; ')}
          </dd>
          <dt>{t('fleet.otherBatchesTitle')}</dt>
          <dd data-testid="fleet-other-batches">{otherBatchesWords(status)}</dd>
          <dt>{t('fleet.auditTitle')}</dt>
          <dd data-testid="fleet-audit-anchors" data-mismatches={status.auditMismatches.length}>
            {status.auditMismatches.length > 0 ? status.auditMismatches.map((m) => m.message).join(' ') : status.reachable ? t('fleet.auditAllMatch') : t('fleet.auditUnknown')}
          </dd>
        </dl>
      )}
      <div className="inline-form">
        <button type="button" className="btn btn-primary" disabled={busy || !status} onClick={() => void syncNow()} data-testid="fleet-sync-now">
          {busy ? t('fleet.syncing') : t('fleet.syncNow')}
        </button>
      </div>
      <Message kind="success" testId="fleet-sync-done">
        {done}
      </Message>
      <Message kind="error" testId="fleet-error">
        {error ?? loadError}
      </Message>
    </section>
  );
}
