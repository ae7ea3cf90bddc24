import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';

export function BootScreen(): ReactNode {
  const { t } = useTranslation('boot');
  return (
    <main className="center-screen" data-testid="boot" aria-busy="true">
      <p className="big-text">{t('starting')}</p>
    </main>
  );
}
