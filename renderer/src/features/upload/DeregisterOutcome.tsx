// What a deregistration did: removed, waiting for Partner Center (the station finishes them), and each
// device that could not be removed with the reason; for a move, where the boxes went.
import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { counted } from '../../lib/sync-view';

export interface MoveOutcome {
  batchName: string;
  approved: boolean;
  customerName: string | null;
  problem: string | null;
}

interface Props {
  value: ChannelOutput<'devices:deregister'>;
  move: MoveOutcome | null;
  names: ReadonlyMap<number, string> | null;
}

export function DeregisterOutcome({ value, move, names }: Props): ReactNode {
  const { t } = useTranslation('upload');
  const { requested, deregistered, pending, failed } = value;
  const clean = failed.length === 0 && pending === 0;
  return (
    <div className={`deregister-result ${clean ? 'message-success' : 'message-info'}`} role="status" data-testid="deregister-result" data-requested={requested} data-deregistered={deregistered} data-pending={pending} data-failed={failed.length}>
      <p className="big-text">
        <Trans t={t} i18nKey="outcome.removed" values={{ ...counted(deregistered), requested: formatNumber(requested) }} components={{ b: <strong /> }} />
      </p>
      {pending > 0 && <p data-testid="deregister-pending">{t('outcome.pending', counted(pending))}</p>}
      {failed.length > 0 && (
        <ul className="deregister-failed" data-testid="deregister-failed">
          {failed.map((f) => (
            <li key={f.deviceId} data-testid={`deregister-failed-${f.deviceId}`}>
              <Trans t={t} i18nKey="outcome.failedDevice" values={{ name: names?.get(f.deviceId) ?? t('deviceId', { id: f.deviceId }), message: f.message }} components={{ b: <strong /> }} />
            </li>
          ))}
        </ul>
      )}
      {move && (
        <p data-testid="deregister-moved" data-approved={move.approved}>
          {move.approved
            ? t('outcome.movedApproved', { name: move.batchName, customer: move.customerName ?? t('outcome.newCustomer') })
            : t('outcome.movedWaiting', { name: move.batchName, problem: move.problem ?? '' })}
        </p>
      )}
    </div>
  );
}
