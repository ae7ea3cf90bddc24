// "Move to another customer": the customer the boxes go to (only customers Partner Center would
// register devices for: a reseller relationship) and the name of the new batch they continue in.
import { useMemo, type ReactNode } from 'react';
import type { CustomerView } from '../../../../shared/contract/customers';
import { BATCH_NAME_MAX } from '../../../../shared/domain/batch';
import { registrationProblem } from '../../../../shared/domain/customers';
import { useTranslation } from '../../i18n';

export interface MoveChoice {
  tenantId: string;
  batchName: string;
}

interface Props {
  customers: readonly CustomerView[];
  currentTenantId: string | null;
  value: MoveChoice;
  onChange(next: MoveChoice): void;
}

export function approvedCustomers(customers: readonly CustomerView[], currentTenantId: string | null): CustomerView[] {
  return customers.filter((c) => c.listed && c.tenantId !== currentTenantId && registrationProblem(c) === null);
}

export function MoveToCustomer({ customers, currentTenantId, value, onChange }: Props): ReactNode {
  const { t } = useTranslation('upload');
  const offered = useMemo(() => approvedCustomers(customers, currentTenantId), [customers, currentTenantId]);
  if (offered.length === 0) {
    return (
      <p className="message message-info" data-testid="move-no-customer">
        {t('move.noCustomer')}
      </p>
    );
  }
  return (
    <fieldset className="move-to" data-testid="move-to">
      <legend>{t('move.legend')}</legend>
      <div className="field">
        <label htmlFor="move-to-customer">{t('move.customer')}</label>
        <select id="move-to-customer" value={value.tenantId} onChange={(e) => onChange({ ...value, tenantId: e.target.value })} data-testid="move-to-customer">
          <option value="">{t('move.choose')}</option>
          {offered.map((c) => (
            <option key={c.tenantId} value={c.tenantId}>
              {c.domain ? t('move.customerWithDomain', { name: c.companyName, domain: c.domain }) : c.companyName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="move-to-batch">{t('move.batchName')}</label>
        <input id="move-to-batch" value={value.batchName} maxLength={BATCH_NAME_MAX} onChange={(e) => onChange({ ...value, batchName: e.target.value })} data-testid="move-to-batch" />
      </div>
    </fieldset>
  );
}
