// The picker's lists from the core: manufacturers once, models again whenever the manufacturer
// changes. A late answer for a manufacturer no longer typed is dropped.
import { useEffect, useState } from 'react';
import type { TupleChoices } from '../../../../shared/contract/scans';
import { i18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

const EMPTY: TupleChoices = { manufacturers: [], models: [] };

export interface TupleChoicesState {
  readonly manufacturers: TupleChoices;
  readonly models: TupleChoices;
  /** Why the lists could not be loaded; typing still works. */
  readonly problem: string | null;
}

export function useTupleChoices(manufacturer: string): TupleChoicesState {
  const api = useApi();
  const [manufacturers, setManufacturers] = useState<TupleChoices>(EMPTY);
  const [models, setModels] = useState<TupleChoices>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('scans:tupleChoices', {}).then((result) => {
      if (!live) return;
      if (result.ok) setManufacturers(result.value);
      else setProblem(i18n.t('listsFailed', { ns: 'tuple', reason: errorText(result.error) }));
    });
    return () => {
      live = false;
    };
  }, [api]);

  const wanted = manufacturer.trim();
  useEffect(() => {
    let live = true;
    void api.call('scans:tupleChoices', wanted === '' ? {} : { manufacturer: wanted }).then((result) => {
      if (live && result.ok) setModels(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, wanted]);

  return { manufacturers, models, problem };
}
