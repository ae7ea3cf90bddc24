import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

export function PracticeBanner(): ReactNode {
  const { t } = useTranslation('shell');
  return (
    <div className="banner banner-practice" role="note" data-testid="practice-banner">
      {t('practice')}
    </div>
  );
}
