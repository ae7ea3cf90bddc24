import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../../store/provider';

export function UnreachableBanner(): ReactNode {
  const { t } = useTranslation('boot');
  const loadStation = useAppStore((s) => s.loadStation);
  return (
    <div className="banner banner-problem" role="alert" data-testid="unreachable-banner">
      <span>{t('bannerText')}</span>
      <button type="button" className="btn btn-small" onClick={() => void loadStation()}>
        {t('checkAgain')}
      </button>
    </div>
  );
}
