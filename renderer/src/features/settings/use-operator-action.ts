// Runs one operators:* call and keeps the outcome to show: the core's message on failure, a short
// confirmation on success. The list reloads on the db:changed event, and here too in case events lag.
import { useState } from 'react';
import type { OperatorView, Result } from '../../../../shared/contract';
import { errorText } from '../../i18n/errors';
import { useAppStore } from '../../store/provider';

export interface OperatorActionState {
  busy: boolean;
  error: string | null;
  done: string | null;
  run(action: () => Promise<Result<OperatorView>>, doneText: (o: OperatorView) => string): Promise<boolean>;
}

export function useOperatorAction(): OperatorActionState {
  const loadOperators = useAppStore((s) => s.loadOperators);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(action: () => Promise<Result<OperatorView>>, doneText: (o: OperatorView) => string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return false;
    }
    setDone(doneText(result.value));
    void loadOperators();
    return true;
  }

  return { busy, error, done, run };
}
