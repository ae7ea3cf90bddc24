import type { ReactNode } from 'react';

/** An error or success line, announced to screen readers, with a stable test id. */
export function Message({ kind, testId, children }: { kind: 'error' | 'success' | 'info'; testId: string; children: ReactNode }): ReactNode {
  if (children === null || children === undefined || children === '') return null;
  return (
    <p className={`message message-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
