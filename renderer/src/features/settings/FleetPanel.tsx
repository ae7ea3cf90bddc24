// Settings → Fleet, for shift leads: is this dock's station on the warehouse's hub, does the hub answer,
// how many lines wait for its confirmation or belong to another dock, and who holds which upload lease.
// "Sync now" runs a round at once; the long-lived station also runs one every few seconds by itself.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { FleetRound, FleetStatus } from '../../../../shared/contract/fleet';
import { plural, shortTime } from '../../../../shared/domain/words';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import './maintenance.css';

const REFRESH_MS = 10_000;

const when = (iso: string | null) => (iso === null ? 'never' : shortTime(Date.parse(iso)));

function roundWords(r: FleetRound): string {
  const parts = [`Sent ${plural(r.pushed, 'identity', 'identities')}, received ${plural(r.pulled, 'identity', 'identities')} from the other docks.`];
  if (r.flagged > 0) parts.push(`${plural(r.flagged, 'line')} turned out to be another dock's box: see Review.`);
  if (r.released > 0) parts.push(`${plural(r.released, 'removed line')} gave its box back to the fleet.`);
  if (r.reclaimed > 0) parts.push(`${plural(r.reclaimed, 'line')} got its box back from another dock.`);
  return parts.join(' ');
}

/** "Dock 1: PO-A (open, 12 devices), PO-B (approved, 240 devices); Dock 4: …", by dock. */
function otherBatchesWords(status: FleetStatus): string {
  if (!status.reachable) return 'Unknown while the hub does not answer.';
  if (status.otherBatches.length === 0) return 'None.';
  const byDock = new Map<string, string[]>();
  for (const b of status.otherBatches) byDock.set(b.stationName, [...(byDock.get(b.stationName) ?? []), `${b.batchName} (${b.state}, ${plural(b.devices, 'device')})`]);
  return [...byDock].map(([dock, batches]) => `${dock}: ${batches.join(', ')}`).join('; ');
}

export function FleetPanel(): ReactNode {
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
    } else setLoadError(r.error.message);
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
      else setError(r.error.message);
      await load();
    } finally {
      setBusy(false);
    }
  }

  if (status && !status.member) {
    return (
      <section className="maintenance-card" data-testid="fleet-panel" data-member="false">
        <h2>Fleet</h2>
        <p>This station works on its own: it is not in a fleet. Stations of one warehouse share a hub so no box is registered by two docks; an admin joins it with <code>dockside fleet join</code> (see the README).</p>
      </section>
    );
  }

  return (
    <section className="maintenance-card" data-testid="fleet-panel" data-member={status ? 'true' : undefined}>
      <h2>Fleet</h2>
      {status && (
        <dl className="fleet-facts">
          <dt>This dock</dt>
          <dd data-testid="fleet-station">{status.stationName}</dd>
          <dt>Hub</dt>
          <dd>
            <code>{status.hub}</code>
          </dd>
          <dt>Hub answers</dt>
          <dd data-testid="fleet-reachable" data-reachable={String(status.reachable)}>
            {status.reachable ? 'Yes' : `No: ${status.problem ?? 'it could not be reached.'} Scanning goes on; approval waits for the hub.`}
          </dd>
          <dt>Last sent / received</dt>
          <dd>
            {when(status.lastPushAt)} / {when(status.lastPullAt)}
          </dd>
          <dt>Waiting for the hub</dt>
          <dd data-testid="fleet-waiting">{status.waitingForConfirmation === 0 ? 'No line waits.' : `${plural(status.waitingForConfirmation, 'line')}: their batches can be approved once the hub confirms them.`}</dd>
          <dt>Another dock&apos;s boxes</dt>
          <dd data-testid="fleet-duplicates">{status.duplicates === 0 ? 'None.' : `${plural(status.duplicates, 'line')} scanned first at another dock: remove them in Review.`}</dd>
          <dt>Upload leases</dt>
          <dd data-testid="fleet-leases">
            {status.uploadLeases.length === 0
              ? 'No dock is uploading.'
              : status.uploadLeases.map((l) => `${l.stationName} uploads for ${l.customerTenantId} (until ${shortTime(Date.parse(l.expiresAt))})`).join('; ')}
          </dd>
          <dt>Other docks&apos; batches</dt>
          <dd data-testid="fleet-other-batches">{otherBatchesWords(status)}</dd>
          <dt>Audit anchors</dt>
          <dd data-testid="fleet-audit-anchors" data-mismatches={status.auditMismatches.length}>
            {status.auditMismatches.length > 0 ? status.auditMismatches.map((m) => m.message).join(' ') : status.reachable ? "Every dock's audit chain matches its anchor in the hub." : 'Unknown while the hub does not answer.'}
          </dd>
        </dl>
      )}
      <div className="inline-form">
        <button type="button" className="btn btn-primary" disabled={busy || !status} onClick={() => void syncNow()} data-testid="fleet-sync-now">
          {busy ? 'Talking to the hub…' : 'Sync now'}
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
