// The cached customer list (customers:list), searched by name or domain as the lead types.
import { useEffect, useState } from 'react';
import type { CustomerView } from '../../../shared/contract/customers';
import { errorText } from '../i18n/errors';
import { useApi } from '../store/provider';

const DELAY_MS = 200;

export function useCustomers(search: string): { customers: CustomerView[]; refreshedAt: number | null; loaded: boolean; error: string | null } {
  const api = useApi();
  const [state, setState] = useState<{ customers: CustomerView[]; refreshedAt: number | null; loaded: boolean; error: string | null }>({
    customers: [],
    refreshedAt: null,
    loaded: false,
    error: null,
  });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        void api.call('customers:list', { search: search.trim() || undefined }).then((result) => {
          if (!live) return;
          if (result.ok) setState({ customers: result.value.customers, refreshedAt: result.value.refreshedAt, loaded: true, error: null });
          else setState((s) => ({ ...s, loaded: true, error: errorText(result.error) }));
        }),
      search ? DELAY_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, search]);
  return state;
}
