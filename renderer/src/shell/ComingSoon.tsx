import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

export function ComingSoon({ title, what }: { title: string; what: string }): ReactNode {
  const { t } = useTranslation('shell');
  return (
    <section className="coming-soon" data-testid="coming-soon">
      <h1>{title}</h1>
      <p className="big-text">{t('comingSoon', { what })}</p>
    </section>
  );
}
