// The batch's registered devices still waiting for an Autopilot profile (profiles:waiting): the count,
// always whole, and the first of them with why they wait. Live: it follows every assignment.
import { useCallback, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ApiClient } from '../../api';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useLive } from '../../lib/use-live';
import { counted } from '../../lib/sync-view';

const LISTED = 20;

export function ProfileWaiting({ batchId }: { batchId: number }): ReactNode {
  const { t } = useTranslation('upload');
  const load = useCallback((client: ApiClient) => client.call('profiles:waiting', { batchId }), [batchId]);
  const { value, error } = useLive(load, ['devices']);
  if (error) return <p className="message message-error" data-testid="profile-waiting-error">{error}</p>;
  if (!value) return null;
  return (
    <div className="profile-waiting" data-testid="profile-waiting" data-count={value.waitingCount}>
      <p>
        <Trans
          t={t}
          i18nKey={value.withProfile > 0 ? 'waiting.lineWithProfile' : 'waiting.line'}
          values={{ ...counted(value.waitingCount), registered: formatNumber(value.registered), withProfile: formatNumber(value.withProfile) }}
          components={{ b: <strong /> }}
        />
      </p>
      {value.waiting.length > 0 && (
        <ul className="profile-waiting-list">
          {value.waiting.slice(0, LISTED).map((d) => (
            <li key={d.deviceId} data-testid={`profile-waiting-${d.pkid ?? d.serial ?? d.deviceId}`}>
              {d.pkid ? t('waiting.pkid', { pkid: d.pkid, reason: d.reason }) : t('waiting.serial', { serial: d.serial ?? '?', reason: d.reason })}
            </li>
          ))}
          {value.waitingCount > LISTED && <li>{t('waiting.more', { n: formatNumber(value.waitingCount - LISTED) })}</li>}
        </ul>
      )}
    </div>
  );
}
