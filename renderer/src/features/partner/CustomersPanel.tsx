// The approved customers this partner may register devices for: the cached copy (works offline),
// searched by name or domain; a lead refreshes it from Partner Center. A failed refresh says why and
// keeps showing the cached list.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { CustomerView } from '../../../../shared/contract/customers';
import type { AppErrorShape } from '../../../../shared/contract';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { i18n, useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi, useAppStore } from '../../store/provider';
import { counted, shortTime } from '../../lib/sync-view';
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

/** What a failed refresh means for the person at the station, in the current language. */
export function refreshProblem(error: AppErrorShape, t: TFunction<'partner'>): RefreshProblem {
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const kind = typeof details.kind === 'string' ? details.kind : null;
  if (error.code === 'OFFLINE' || kind === 'network' || kind === 'timeout') return { headline: t('refreshProblem.offline'), detail: null };
  if (kind === 'auth') return { headline: t('refreshProblem.signIn'), detail: null };
  if (kind === 'forbidden') return { headline: t('refreshProblem.forbidden'), detail: errorText(error) };
  if (error.code === 'SETUP_REQUIRED') return { headline: t('refreshProblem.notSetUp'), detail: errorText(error) };
  return { headline: t('refreshProblem.failed'), detail: errorText(error) };
}

/** "3 new, 1 no longer listed": what a refresh changed, or null when it changed nothing worth saying. */
function refreshChanges(v: { added: number; removed: number; kept: number }, t: TFunction<'partner'>): string | null {
  const parts = [v.added > 0 ? t('refreshed.added', counted(v.added)) : null, v.removed > 0 ? t('refreshed.removed', counted(v.removed)) : null, v.kept > 0 ? t('refreshed.kept', counted(v.kept)) : null];
  const said = parts.filter((p): p is string => p !== null);
  return said.length > 0 ? new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' }).format(said) : null;
}

const CUSTOMERS = ['customers'] as const;

export function CustomersPanel(): ReactNode {
  const { t } = useTranslation('partner');
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
      } else setLoadError(errorText(result.error));
    },
    [api],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(search), search ? 150 : 0);
    return () => clearTimeout(timer);
  }, [load, search]);

  useDbChanged(CUSTOMERS, () => void load(search));

  async function refresh(): Promise<void> {
    setBusy(true);
    setRefreshError(null);
    setRefreshed(null);
    const result = await api.call('customers:refresh', {});
    setBusy(false);
    if (result.ok) {
      const v = result.value;
      const changes = refreshChanges(v, t);
      setRefreshed(changes ? t('refreshed.withChanges', { ...counted(v.count), changes }) : t('refreshed.done', counted(v.count)));
    } else setRefreshError(refreshProblem(result.error, t));
    await load(search);
  }

  const customers = listing?.customers ?? [];
  const at = listing?.refreshedAt ?? null;
  return (
    <section className="customers" data-testid="customers" aria-labelledby="customers-title">
      <div className="customers-head">
        <h2 id="customers-title">{t('title')}</h2>
        <span className="customers-at" data-testid="customers-refreshed-at" data-value={at ?? ''}>
          {at === null ? t('neverFetched') : t('refreshedAt', { time: shortTime(at) })}
        </span>
        {mayRefresh && (
          <button type="button" className="btn btn-primary" onClick={() => void refresh()} disabled={busy} data-testid="customers-refresh">
            {t(busy ? 'refreshing' : 'refresh')}
          </button>
        )}
      </div>
      {refreshError && (
        <div className="message message-error refresh-problem" role="alert" data-testid="customers-error">
          <p className="refresh-headline">{refreshError.headline}</p>
          <p>{at === null ? t('refreshProblem.noList') : t('refreshProblem.keptList', { time: shortTime(at) })}</p>
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
        <label htmlFor="customers-search">{t('search')}</label>
        <input id="customers-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" spellCheck={false} data-testid="customers-search" />
      </div>
      <p className="hint" data-testid="customers-count" aria-live="polite">
        {listing === null ? t('loading') : search.trim() ? t('matching', { ...counted(customers.length), search: search.trim() }) : t('count', counted(customers.length))}
      </p>
      {listing !== null && customers.length === 0 ? (
        <p className="big-text" data-testid="customers-empty">
          {search.trim() ? t('empty.noMatch') : at === null ? t(mayRefresh ? 'empty.noListRefresh' : 'empty.noListAskLead') : t('empty.none')}
        </p>
      ) : (
        customers.length > 0 && (
          <table className="table customers-table" data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">{t('column.company')}</th>
                <th scope="col">{t('column.domain')}</th>
                <th scope="col">{t('column.relationship')}</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <tr key={c.tenantId} data-testid="customer-row" data-tenant={c.tenantId}>
                  <td>
                    {c.companyName}
                    {!c.listed && <span className="not-listed">{t('notListed')}</span>}
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
