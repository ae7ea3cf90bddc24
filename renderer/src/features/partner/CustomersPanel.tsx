// The approved customers this partner may register devices for: the cached copy (works offline),
// searched by name or domain; a lead refreshes it from Partner Center. A failed refresh says why and
// keeps showing the cached list.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CustomerView } from '../../../../shared/contract/customers';
import type { AppErrorShape } from '../../../../shared/contract';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useApi, useAppStore } from '../../store/provider';
import { plural, shortTime } from '../upload/sync-view';
import { RelationshipRequest } from './RelationshipRequest';
import './partner.css';

interface Listing {
  refreshedAt: number | null;
  customers: CustomerView[];
}

export interface RefreshProblem {
  /** One line in plain words: what failed and why. */
  headline: string;
  /** The core's own explanation when it adds something (what to do, ids for support); null when it would only repeat the headline. */
  detail: string | null;
}

/** What a failed refresh means for the person at the station. */
export function refreshProblem(error: AppErrorShape): RefreshProblem {
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const kind = typeof details.kind === 'string' ? details.kind : null;
  if (error.code === 'OFFLINE' || kind === 'network' || kind === 'timeout') return { headline: 'Could not refresh the customer list: Partner Center cannot be reached (is the station offline?).', detail: null };
  if (kind === 'auth') return { headline: 'Could not refresh the customer list: Partner Center sign-in is needed (Settings → Partner Center).', detail: null };
  if (kind === 'forbidden') return { headline: 'Could not refresh the customer list: Partner Center refused the signed-in account.', detail: error.message };
  if (error.code === 'SETUP_REQUIRED') return { headline: 'Could not refresh the customer list: Partner Center is not set up on this station.', detail: error.message };
  return { headline: 'Could not refresh the customer list.', detail: error.message };
}

export function CustomersPanel(): ReactNode {
  const api = useApi();
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const mayRefresh = roleAllows(role, 'partner:manage');
  const [search, setSearch] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [refreshError, setRefreshError] = useState<RefreshProblem | null>(null);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (text: string) => {
      const result = await api.call('customers:list', text.trim() ? { search: text.trim() } : {});
      if (result.ok) {
        setListing(result.value);
        setLoadError(null);
      } else setLoadError(result.error.message);
    },
    [api],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(search), search ? 150 : 0);
    return () => clearTimeout(timer);
  }, [load, search]);

  useEffect(
    () =>
      api.on('db:changed', ({ tables }) => {
        if (tables.includes('customers')) void load(search);
      }),
    [api, load, search],
  );

  async function refresh(): Promise<void> {
    setBusy(true);
    setRefreshError(null);
    setRefreshed(null);
    const result = await api.call('customers:refresh', {});
    setBusy(false);
    if (result.ok) {
      const v = result.value;
      const changes = [v.added > 0 ? `${v.added} new` : null, v.removed > 0 ? `${v.removed} no longer listed` : null, v.kept > 0 ? `${v.kept} kept for their batches` : null].filter(Boolean).join(', ');
      setRefreshed(`Customer list refreshed: ${plural(v.count, 'customer')}${changes ? ` (${changes})` : ''}.`);
    } else setRefreshError(refreshProblem(result.error));
    await load(search);
  }

  const customers = listing?.customers ?? [];
  const at = listing?.refreshedAt ?? null;
  return (
    <section className="customers" data-testid="customers" aria-labelledby="customers-title">
      <div className="customers-head">
        <h2 id="customers-title">Customers</h2>
        <span className="customers-at" data-testid="customers-refreshed-at" data-value={at ?? ''}>
          {at === null ? 'Never fetched from Partner Center' : `Refreshed ${shortTime(at)}`}
        </span>
        {mayRefresh && (
          <button type="button" className="btn btn-primary" onClick={() => void refresh()} disabled={busy} data-testid="customers-refresh">
            {busy ? 'Refreshing…' : 'Refresh from Partner Center'}
          </button>
        )}
      </div>
      {refreshError && (
        <div className="message message-error refresh-problem" role="alert" data-testid="customers-error">
          <p className="refresh-headline">{refreshError.headline}</p>
          <p>{at === null ? 'No customer list has been fetched yet.' : `Below is the list kept on this station, from ${shortTime(at)}. Batches can still be approved for these customers.`}</p>
          {refreshError.detail && <p className="refresh-detail">{refreshError.detail}</p>}
        </div>
      )}
      <Message kind="error" testId="customers-load-error">
        {loadError}
      </Message>
      <Message kind="success" testId="customers-status">
        {refreshed}
      </Message>
      <div className="field customers-search">
        <label htmlFor="customers-search">Search by name or domain</label>
        <input id="customers-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" spellCheck={false} data-testid="customers-search" />
      </div>
      <p className="hint" data-testid="customers-count" aria-live="polite">
        {listing === null ? 'Loading…' : search.trim() ? `${plural(customers.length, 'customer')} match “${search.trim()}”.` : `${plural(customers.length, 'customer')}.`}
      </p>
      {listing !== null && customers.length === 0 ? (
        <p className="big-text" data-testid="customers-empty">
          {search.trim()
            ? 'No customer matches. Check the spelling, or see “Customer not listed?” below.'
            : at === null
              ? `No customer list yet. ${mayRefresh ? 'Press Refresh' : 'A shift lead refreshes it'} (this needs Partner Center).`
              : 'Partner Center lists no customers for this partner yet.'}
        </p>
      ) : (
        customers.length > 0 && (
          <table className="table customers-table" data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Domain</th>
                <th scope="col">Relationship</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <tr key={c.tenantId} data-testid="customer-row" data-tenant={c.tenantId}>
                  <td>
                    {c.companyName}
                    {!c.listed && <span className="not-listed">no longer listed</span>}
                  </td>
                  <td className="domain">{c.domain ?? '—'}</td>
                  <td>{c.relationship}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {mayRefresh && <RelationshipRequest />}
    </section>
  );
}
