import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

const RETRY_MS = 5_000;

/** Nothing answered: say so plainly, keep trying, and offer a button to try now. */
export function Unreachable({ onRetry, message }: { onRetry: () => void; message?: string | null }): ReactNode {
  const { t } = useTranslation('boot');
  useEffect(() => {
    const timer = setInterval(onRetry, RETRY_MS);
    return () => clearInterval(timer);
  }, [onRetry]);
  return (
    <main className="center-screen" data-testid="unreachable">
      <section className="panel panel-problem" role="alert">
        <h1>{t('unreachableTitle')}</h1>
        <p className="big-text">{message ?? t('unreachableWhy')}</p>
        <p>{t('retrying')}</p>
        <button type="button" className="btn btn-primary" onClick={onRetry} autoFocus>
          {t('retryNow')}
        </button>
      </section>
    </main>
  );
}
