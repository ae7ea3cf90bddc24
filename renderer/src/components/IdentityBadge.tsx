// Which identity a device will be sent to Partner Center with (PKID, tuple or hardware hash), and a
// plain warning when it has none yet: the core's summary (shared/domain/identity.ts), never worked
// out here.
import type { ReactNode } from 'react';
import type { IdentitySummary } from '../../../shared/domain/identity';
import { useTranslation } from '../i18n';
import { identityText } from '../i18n/domain-text';
import './identity-badge.css';

export function IdentityBadge({ identity, showLabel = true }: { identity: IdentitySummary; showLabel?: boolean }): ReactNode {
  const { t } = useTranslation('components');
  if (identity.kind === null) {
    return (
      <span className="identity identity-missing" data-testid="identity" data-kind="none" role="note">
        <span className="identity-badge">{t('identity.none')}</span>
        <span className="identity-label">{identityText(identity)}</span>
      </span>
    );
  }
  return (
    <span className={`identity identity-${identity.kind}`} data-testid="identity" data-kind={identity.kind} title={identityText(identity)}>
      <span className="identity-badge">{t(`identity.${identity.kind}`)}</span>
      {showLabel && <span className="identity-label">{identityText(identity)}</span>}
    </span>
  );
}
