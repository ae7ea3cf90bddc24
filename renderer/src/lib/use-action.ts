// One action at a time on a screen: busy while it runs, then the core's message (error) or ours
// (done). The caller words the success from the value.
import { useCallback, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { errorText } from '../i18n/errors';

export interface ActionState {
  busy: boolean;
  error: string | null;
  done: string | null;
  run<T>(call: () => Promise<Result<T>>, success: (value: T) => string | null): Promise<T | null>;
  clear(): void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<Result<T>>, success: (value: T) => string | null): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await call();
      if (!result.ok) {
        setError(errorText(result.error));
        return null;
      }
      setDone(success(result.value));
      return result.value;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);
  return { busy, error, done, run, clear };
}
