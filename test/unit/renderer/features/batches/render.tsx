import { render } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { AppProvider, useAppStore } from '../../../../../renderer/src/store/provider';
import type { ApiClient } from '../../../../../renderer/src/api/client';

/** Restores the stored session as the app's boot does, so the page knows the operator's role. */
export function SignedIn({ children }: { children: ReactNode }): ReactNode {
  const restore = useAppStore((s) => s.restoreSession);
  const operator = useAppStore((s) => s.operator);
  useEffect(() => void restore(), [restore]);
  return operator ? children : null;
}

export function renderSignedIn(api: ApiClient, ui: ReactNode): void {
  render(
    <AppProvider api={api}>
      <SignedIn>{ui}</SignedIn>
    </AppProvider>,
  );
}
