// Choose the customer a batch is registered for, from the cached list (works offline).
import { useState, type ReactNode } from 'react';
import { registrationProblem } from '../../../../shared/domain/customers';
import { useTranslation } from '../../i18n';
import { formatWhen } from '../../lib/format';
import { useCustomers } from '../../lib/use-customers';

interface Props {
  chosen: string | null;
  onChoose(tenantId: string): void;
}

export function CustomerPicker({ chosen, onChoose }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const [search, setSearch] = useState('');
  const { customers, refreshedAt, loaded, error } = useCustomers(search);
  return (
    <fieldset className="customer-picker">
      <legend>{t('customer.legend')}</legend>
      <label className="field">
        <span className="sr-only">{t('customer.search')}</span>
        <input type="search" value={search} placeholder={t('customer.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} data-testid="approve-customer-search" />
      </label>
      {error && <p className="message message-error">{error}</p>}
      {loaded && customers.length === 0 && (
        <p className="hint" data-testid="approve-no-customers">
          {search ? t('customer.noMatch', { search }) : t('customer.empty')}
        </p>
      )}
      <ul className="customer-options" role="listbox" aria-label={t('customer.list')}>
        {customers.map((c) => {
          const why = registrationProblem(c) === null ? null : whyNot(c);
          const problem = why && t(why.key, why.params);
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
                  {c.listed ? (c.domain ?? t('customer.noDomain')) : t('customer.unlisted', { domain: c.domain ?? t('customer.noDomain') })}
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
      {refreshedAt !== null && <p className="hint">{t('customer.fetched', { when: formatWhen(refreshedAt) })}</p>}
    </fieldset>
  );
}

/**
 * Why a customer cannot take a registration, in catalog words: registrationProblem (shared/domain)
 * decides, this only says it. English picks "a"/"an" by the relationship's first letter (a context).
 */
function whyNot(c: { companyName: string; relationship: string }): { key: string; params: Record<string, string> } {
  const relationship = c.relationship.trim().toLowerCase();
  if (relationship === '' || relationship === 'none' || relationship === 'unknown') return { key: 'customer.noRelationship', params: { company: c.companyName } };
  return { key: 'customer.otherRelationship', params: { company: c.companyName, relationship, context: /^[aeiou]/.test(relationship) ? 'an' : 'a' } };
}
