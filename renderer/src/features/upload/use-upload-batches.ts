// The batches past approval (approved, uploading, registered, needs attention), newest first, and the
// customers' names; reloaded when the core says batches or customers changed.
import { useCallback, useEffect, useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { errorText } from '../../i18n/errors';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';

export const UPLOAD_STATES = ['needs_attention', 'uploading', 'approved', 'registered'] as const;

const BATCH_TABLES = ['batches', 'devices'] as const;
const CUSTOMER_TABLES = ['customers'] as const;

export interface UploadBatchesState {
  batches: BatchSummary[] | null;
  customerNames: ReadonlyMap<string, string>;
  error: string | null;
}

export function useUploadBatches(): UploadBatchesState {
  const api = useApi();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  const [customerNames, setCustomerNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const loadBatches = useCallback(async () => {
    const result = await api.call('batches:list', { states: [...UPLOAD_STATES] });
    if (result.ok) {
      setBatches(result.value);
      setError(null);
    } else setError(errorText(result.error));
  }, [api]);

  const loadCustomers = useCallback(async () => {
    const result = await api.call('customers:list', {});
    if (result.ok) setCustomerNames(new Map(result.value.customers.map((c) => [c.tenantId, c.companyName])));
  }, [api]);

  useEffect(() => void loadBatches(), [loadBatches]);
  useEffect(() => void loadCustomers(), [loadCustomers]);
  useDbChanged(BATCH_TABLES, () => void loadBatches());
  useDbChanged(CUSTOMER_TABLES, () => void loadCustomers());

  return { batches, customerNames, error };
}
