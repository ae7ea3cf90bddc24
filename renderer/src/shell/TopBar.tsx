import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';
import { LanguagePicker } from './LanguagePicker';
import { OnlineIndicator } from './OnlineIndicator';
import { OperatorBadge } from './OperatorBadge';

export function TopBar(): ReactNode {
  const { t } = useTranslation('shell');
  const stationName = useAppStore((s) => s.station?.name ?? 'Dockside');
  const signOut = useAppStore((s) => s.signOut);
  return (
    <header className="top-bar">
      <span className="station-name" data-testid="station-name">
        {stationName}
      </span>
      <OnlineIndicator />
      <OperatorBadge />
      <LanguagePicker />
      <button type="button" className="btn btn-signout" onClick={() => void signOut()} data-testid="sign-out">
        {t('signOut')}
      </button>
    </header>
  );
}
