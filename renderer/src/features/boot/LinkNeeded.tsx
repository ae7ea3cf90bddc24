import type { ReactNode } from 'react';

/** The browser host refused us: the page was opened without (or with an old) station link. */
export function LinkNeeded(): ReactNode {
  return (
    <main className="center-screen" data-testid="link-needed">
      <section className="panel panel-problem" role="alert">
        <h1>Open the station link</h1>
        <p className="big-text">This page was opened without the station link, or the station was restarted since.</p>
        <p>
          Open the link printed by <code>dockside serve</code> (it starts with <code>http://127.0.0.1:</code> and ends with <code>?token=…</code>).
        </p>
      </section>
    </main>
  );
}
