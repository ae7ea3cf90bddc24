import { useEffect, type ReactNode } from 'react';

const RETRY_MS = 5_000;

/** Nothing answered: say so plainly, keep trying, and offer a button to try now. */
export function Unreachable({ onRetry, message }: { onRetry: () => void; message?: string | null }): ReactNode {
  useEffect(() => {
    const timer = setInterval(onRetry, RETRY_MS);
    return () => clearInterval(timer);
  }, [onRetry]);
  return (
    <main className="center-screen" data-testid="unreachable">
      <section className="panel panel-problem" role="alert">
        <h1>Station not reachable</h1>
        <p className="big-text">{message ?? 'Dockside is not answering. Check that it is running on this machine.'}</p>
        <p>Trying again every few seconds.</p>
        <button type="button" className="btn btn-primary" onClick={onRetry} autoFocus>
          Try again now
        </button>
      </section>
    </main>
  );
}
