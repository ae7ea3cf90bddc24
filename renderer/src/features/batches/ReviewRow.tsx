// One line of a batch under review: the identity it will be sent with, PKID and serial, make and model with where it came from, who
// scanned it and when, its state (with the Partner Center error, in plain words, when it failed) and
// what the lead may do with it.
import type { ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { explainDeviceError } from '../../../../shared/domain/device-errors';
import { adviceText } from '../../i18n/advice';
import { IdentityBadge } from '../../components/IdentityBadge';
import { useTranslation } from '../../i18n';
import { formatShortTime, formatWhen, makeModel } from '../../lib/format';

export type LineAction = 'remove' | 'restore' | 'fix';

interface Props {
  device: ReviewDevice;
  editable: boolean;
  onAction(action: LineAction, device: ReviewDevice): void;
}

export function ReviewRow({ device: d, editable, onAction }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const key = d.pkid ?? `serial-${d.serial ?? d.id}`;
  const identity = d.identity;
  const error = d.state === 'failed' || d.errorCode ? explainDeviceError(d.errorCode, d.errorText, identity.kind) : null;
  return (
    <div className={`review-row${d.removed ? ' review-row-removed' : ''}`} data-testid={`review-row-${key}`} data-state={d.removed ? 'removed' : d.state}>
      <div role="cell" className="review-cell review-ids">
        <span className="review-pkid">{d.pkid ?? t('line.noPkid')}</span>
        <span className="review-sub">{d.serial ? t('line.serial', { serial: d.serial }) : t('line.noSerial')}</span>
        <span className="review-sub review-identity">
          <IdentityBadge identity={identity} showLabel={identity.kind !== 'pkid'} />
        </span>
      </div>
      <div role="cell" className="review-cell">
        <span className="review-main">{makeModel(d)}</span>
        <span className="review-sub">
          {d.hasHardwareHash ? t('line.sourceWithHash', { source: t(`source.${d.source}`) }) : t(`source.${d.source}`)}
        </span>
      </div>
      <div role="cell" className="review-cell">
        <span className="review-main">{d.scannedBy}</span>
        <span className="review-sub">{formatWhen(d.scannedAt)}</span>
      </div>
      <div role="cell" className="review-cell">
        {d.removed ? (
          <>
            <span className="chip chip-removed">{t('filter.removed')}</span>
            <span className="review-sub" title={d.removedReason ?? undefined}>
              {t('line.removedWhy', { name: d.removedBy, reason: d.removedReason })}
            </span>
          </>
        ) : (
          <>
            <span className={`chip chip-${d.state}`}>{error && d.state !== 'scanned' ? t('line.stateWithCode', { state: t(`lineState.${d.state}`), code: error.code }) : t(`lineState.${d.state}`)}</span>
            {d.heldElsewhere && (
              // The fleet's hub gave this box to the dock that scanned it first: this line must go.
              <span className="review-sub review-error" data-testid={`review-elsewhere-${key}`}>
                {t('line.heldElsewhere', {
                  station: d.heldElsewhere.stationName,
                  batch: d.heldElsewhere.batchName,
                  name: d.heldElsewhere.operatorName,
                  time: formatShortTime(d.heldElsewhere.scannedAt),
                })}
              </span>
            )}
            {error && (
              // A line not yet sent again (moved from a batch) keeps what Partner Center said last time.
              <span className="review-sub review-error" title={t('line.errorAdvice', { ...adviceText(error) })} data-testid={`review-error-${key}`}>
                {d.state === 'scanned' ? t('line.refusedLastTime', { code: error.code, name: error.name }) : error.name}
              </span>
            )}
          </>
        )}
      </div>
      <div role="cell" className="review-cell review-actions">
        {editable && !d.removed && (
          <>
            <button type="button" className="btn btn-small" onClick={() => onAction('fix', d)} data-testid={`fix-${key}`} aria-label={t('line.fixLabel', { key })}>
              {t('line.fix')}
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={() => onAction('remove', d)} data-testid={`remove-${key}`} aria-label={t('line.removeLabel', { key })}>
              {t('line.remove')}
            </button>
          </>
        )}
        {editable && d.removed && (
          <button type="button" className="btn btn-small" onClick={() => onAction('restore', d)} data-testid={`restore-${key}`} aria-label={t('line.restoreLabel', { key })}>
            {t('line.restore')}
          </button>
        )}
      </div>
    </div>
  );
}
