import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';

/** The browser host refused us: the page was opened without (or with an old) station link. */
export function LinkNeeded(): ReactNode {
  const { t } = useTranslation('boot');
  return (
    <main className="center-screen" data-testid="link-needed">
      <section className="panel panel-problem" role="alert">
        <h1>{t('linkTitle')}</h1>
        <p className="big-text">{t('linkWhy')}</p>
        <p>
          <Trans t={t} i18nKey="linkHow" components={{ cmd: <code />, url: <code />, token: <code /> }} />
        </p>
      </section>
    </main>
  );
}
