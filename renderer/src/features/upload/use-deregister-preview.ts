// What devices:deregisterPreview says about a batch (how many can be removed, approval's two-person
// rule applied to removing), and the second person picked on the dialog, kept among the eligible.
import { useEffect, useState } from 'react';
import type { DeregisterPreview } from '../../../../shared/contract/deregister';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import type { SecondPerson } from '../../components/TwoPersonPanel';

export function useDeregisterPreview(batchId: number): { preview: DeregisterPreview | null; error: string | null; second: SecondPerson; setSecond(next: SecondPerson): void } {
  const api = useApi();
  const [preview, setPreview] = useState<DeregisterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [second, setSecond] = useState<SecondPerson>({ name: '', pin: '' });
  useEffect(() => {
    let live = true;
    void api.call('devices:deregisterPreview', { batchId }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(errorText(result.error));
      setPreview(result.value);
      setSecond({ name: result.value.twoPersonRule.eligible[0]?.name ?? '', pin: '' });
    });
    return () => {
      live = false;
    };
  }, [api, batchId]);
  return { preview, error, second, setSecond };
}
