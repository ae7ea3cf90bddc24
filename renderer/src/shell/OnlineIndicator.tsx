import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';

/** Whether this machine has a network: scanning works without one, uploading does not. */
export function OnlineIndicator(): ReactNode {
  const { t } = useTranslation('shell');
  const online = useAppStore((s) => s.online);
  return (
    <span className={`status-pill ${online ? 'status-online' : 'status-offline'}`} data-testid="online-indicator" data-state={online ? 'online' : 'offline'} role="status">
      <span className="status-dot" aria-hidden="true" />
      {online ? t('online') : t('offline')}
    </span>
  );
}
