// Choose the customer a batch is registered for, from the cached list (works offline).
import { useState, type ReactNode } from 'react';
import { registrationProblem } from '../../../../shared/domain/customers';
import { formatWhen } from './format';
import { useCustomers } from './use-customers';

interface Props {
  chosen: string | null;
  onChoose(tenantId: string): void;
}

export function CustomerPicker({ chosen, onChoose }: Props): ReactNode {
  const [search, setSearch] = useState('');
  const { customers, refreshedAt, loaded, error } = useCustomers(search);
  return (
    <fieldset className="customer-picker">
      <legend>Customer</legend>
      <label className="field">
        <span className="sr-only">Search customers</span>
        <input type="search" value={search} placeholder="Search by name or domain" onChange={(e) => setSearch(e.target.value)} data-testid="approve-customer-search" />
      </label>
      {error && <p className="message message-error">{error}</p>}
      {loaded && customers.length === 0 && (
        <p className="hint" data-testid="approve-no-customers">
          {search
            ? `No customer matches “${search}”.`
            : 'The customer list is empty: a lead refreshes it on the Upload page, Customers (it needs Partner Center).'}
        </p>
      )}
      <ul className="customer-options" role="listbox" aria-label="Customers">
        {customers.map((c) => {
          const problem = registrationProblem(c);
          return (
            <li key={c.tenantId} role="option" aria-selected={chosen === c.tenantId} aria-disabled={problem !== null}>
              <button
                type="button"
                className={`customer-option${problem ? ' customer-option-unusable' : ''}`}
                aria-pressed={chosen === c.tenantId}
                disabled={problem !== null}
                onClick={() => onChoose(c.tenantId)}
                data-testid={`approve-customer-${c.tenantId}`}
              >
                <span className="customer-name">{c.companyName}</span>
                <span className="customer-domain">
                  {c.domain ?? 'no domain'}
                  {c.listed ? '' : ' · no longer listed by Partner Center'}
                </span>
                {problem && (
                  <span className="customer-why" data-testid={`approve-customer-why-${c.tenantId}`}>
                    {problem}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {refreshedAt !== null && <p className="hint">List fetched from Partner Center {formatWhen(refreshedAt)}.</p>}
    </fieldset>
  );
}
