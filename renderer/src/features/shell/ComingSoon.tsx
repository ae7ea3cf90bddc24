import type { ReactNode } from 'react';

export function ComingSoon({ title, what }: { title: string; what: string }): ReactNode {
  return (
    <section className="coming-soon" data-testid="coming-soon">
      <h1>{title}</h1>
      <p className="big-text">{what} is coming in a later release of Dockside.</p>
    </section>
  );
}
