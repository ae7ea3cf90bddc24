// One line of a batch under review: the identity it will be sent with, PKID and serial, make and model with where it came from, who
// scanned it and when, its state (with the Partner Center error, in plain words, when it failed) and
// what the lead may do with it.
import type { ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { explainDeviceError } from '../../../../shared/domain/device-errors';
import { shortTime } from '../../../../shared/domain/words';
import { IdentityBadge } from '../../components/IdentityBadge';
import { deviceStateLabels, formatWhen, makeModel, sourceLabels } from './format';

export type LineAction = 'remove' | 'restore' | 'fix';

interface Props {
  device: ReviewDevice;
  editable: boolean;
  onAction(action: LineAction, device: ReviewDevice): void;
}

export function ReviewRow({ device: d, editable, onAction }: Props): ReactNode {
  const key = d.pkid ?? `serial-${d.serial ?? d.id}`;
  const identity = d.identity;
  const error = d.state === 'failed' || d.errorCode ? explainDeviceError(d.errorCode, d.errorText, identity.kind) : null;
  return (
    <div className={`review-row${d.removed ? ' review-row-removed' : ''}`} data-testid={`review-row-${key}`} data-state={d.removed ? 'removed' : d.state}>
      <div role="cell" className="review-cell review-ids">
        <span className="review-pkid">{d.pkid ?? 'no PKID'}</span>
        <span className="review-sub">{d.serial ? `Serial ${d.serial}` : 'No serial'}</span>
        <span className="review-sub review-identity">
          <IdentityBadge identity={identity} showLabel={identity.kind !== 'pkid'} />
        </span>
      </div>
      <div role="cell" className="review-cell">
        <span className="review-main">{makeModel(d)}</span>
        <span className="review-sub">
          {sourceLabels[d.source]}
          {d.hasHardwareHash ? ' · hardware hash' : ''}
        </span>
      </div>
      <div role="cell" className="review-cell">
        <span className="review-main">{d.scannedBy}</span>
        <span className="review-sub">{formatWhen(d.scannedAt)}</span>
      </div>
      <div role="cell" className="review-cell">
        {d.removed ? (
          <>
            <span className="chip chip-removed">Removed</span>
            <span className="review-sub" title={d.removedReason ?? undefined}>
              {d.removedBy}: {d.removedReason}
            </span>
          </>
        ) : (
          <>
            <span className={`chip chip-${d.state}`}>{deviceStateLabels[d.state]}{error && d.state !== 'scanned' ? ` ${error.code}` : ''}</span>
            {d.heldElsewhere && (
              // The fleet's hub gave this box to the dock that scanned it first: this line must go.
              <span className="review-sub review-error" data-testid={`review-elsewhere-${key}`}>
                Another dock&apos;s box: first scanned at {d.heldElsewhere.stationName}, batch {d.heldElsewhere.batchName}, by {d.heldElsewhere.operatorName} at {shortTime(d.heldElsewhere.scannedAt)}. Remove it.
              </span>
            )}
            {error && (
              // A line not yet sent again (moved from a batch) keeps what Partner Center said last time.
              <span className="review-sub review-error" title={`${error.meaning} ${error.action}`} data-testid={`review-error-${key}`}>
                {d.state === 'scanned' ? `Refused last time: ${error.code} ${error.name}` : error.name}
              </span>
            )}
          </>
        )}
      </div>
      <div role="cell" className="review-cell review-actions">
        {editable && !d.removed && (
          <>
            <button type="button" className="btn btn-small" onClick={() => onAction('fix', d)} data-testid={`fix-${key}`} aria-label={`Fix serial, make or model of ${key}`}>
              Fix
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={() => onAction('remove', d)} data-testid={`remove-${key}`} aria-label={`Remove ${key}`}>
              Remove
            </button>
          </>
        )}
        {editable && d.removed && (
          <button type="button" className="btn btn-small" onClick={() => onAction('restore', d)} data-testid={`restore-${key}`} aria-label={`Restore ${key}`}>
            Restore
          </button>
        )}
      </div>
    </div>
  );
}
