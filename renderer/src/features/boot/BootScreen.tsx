import type { ReactNode } from 'react';

export function BootScreen(): ReactNode {
  return (
    <main className="center-screen" data-testid="boot" aria-busy="true">
      <p className="big-text">Starting Dockside…</p>
    </main>
  );
}
