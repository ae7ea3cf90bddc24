// One device's result: who it is, its state, and for a refused device the Partner Center code, what
// it means and what to do (shared/domain/device-errors). 806 counts as registered, with its note.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { explainDeviceError } from '../../../../shared/domain/device-errors';
import { IdentityBadge } from '../../components/IdentityBadge';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi } from '../../store/provider';
import { useAction } from '../../lib/use-action';
import { AttachHashForm } from './AttachHashForm';
import { adviceText } from '../../i18n/advice';

export function deviceName(d: ReviewDevice, t: TFunction<'upload'>): string {
  if (d.pkid) return t('device.pkid', { pkid: d.pkid });
  const make = [d.manufacturer, d.model].filter(Boolean).join(' ');
  const serial = d.serial ?? '?';
  return make ? t('device.serialMake', { serial, make }) : t('device.serial', { serial });
}

/** The state's words; a failed device also says whether it is worth waiting or needs a person. */
function stateText(state: ReviewDevice['state'], retryLater: boolean | null, t: TFunction<'upload'>): string {
  if (state === 'failed' && retryLater !== null) return t(retryLater ? 'device.state.failedRetryLater' : 'device.state.failedNeedsAction');
  return t(`device.state.${state}`);
}

export function DeviceRow({ device, selectable, checked, onToggle, canRemove }: { device: ReviewDevice; selectable: boolean; checked: boolean; onToggle(id: number): void; canRemove: boolean }): ReactNode {
  const { t } = useTranslation('upload');
  const failed = device.state === 'failed';
  const identity = device.identity;
  const explained = failed || (device.state === 'registered' && device.errorCode) ? explainDeviceError(device.errorCode, device.errorText, identity.kind) : null;
  const advice = explained ? adviceText(explained) : null;
  const [removing, setRemoving] = useState(false);
  const [hashing, setHashing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A device Partner Center could not match by PKID or serial registers by its hash (813, 812, 803, 802).
  const hashHelps = failed && explained !== null && ['813', '812', '803', '802'].includes(explained.code);
  const name = deviceName(device, t);
  const tone = failed ? (explained?.outcome === 'retry-later' ? 'retry' : 'action') : device.state;
  return (
    <div className={`device-row device-${tone}`} data-testid={`device-${device.pkid ?? device.serial ?? device.id}`} data-state={device.state} data-code={device.errorCode ?? ''}>
      <div className="device-line">
        {selectable && (failed || device.state === 'registered') ? (
          <input type="checkbox" className="device-check" checked={checked} onChange={() => onToggle(device.id)} aria-label={t(failed ? 'device.tickRetry' : 'device.tickRemove', { name })} data-testid={failed ? 'device-check' : 'device-check-remove'} />
        ) : (
          <span className="device-check-space" aria-hidden="true" />
        )}
        <span className="device-name">{name}</span>
        {device.pkid && device.serial && <span className="device-serial">{t('device.serial', { serial: device.serial })}</span>}
        <span className="device-identity">
          <IdentityBadge identity={identity} showLabel={identity.kind === null} />
        </span>
        <span className={`device-state device-state-${tone}`} data-testid="device-state">
          {stateText(device.state, failed && explained ? explained.outcome === 'retry-later' : null, t)}
        </span>
      </div>
      {explained && failed && (
        <div className="device-explain" data-testid="device-explain">
          <p className="device-code">
            {t('device.errorCode', { code: explained.code })} <span className="device-code-name">{explained.name}</span>
          </p>
          <p>
            <strong>{t('device.whatHappened')}</strong> <span data-testid="device-meaning">{advice?.meaning}</span>
          </p>
          <p>
            <strong>{t('device.whatToDo')}</strong> <span data-testid="device-action">{advice?.action}</span>
          </p>
        </div>
      )}
      {explained && !failed && (
        <p className="device-note" data-testid="device-note">
          {t('device.note', { code: explained.code, meaning: advice?.meaning, action: advice?.action })}
        </p>
      )}
      {canRemove && failed && !removing && !hashing && (
        <div className="device-tools">
          {hashHelps && (
            <button type="button" className="btn btn-small" onClick={() => setHashing(true)} data-testid="device-attach-hash">
              {t('device.attachHash')}
            </button>
          )}
          <button type="button" className="btn btn-small" aria-expanded={removing} onClick={() => setRemoving(true)} data-testid="device-remove">
            {t('device.removeFromBatch')}
          </button>
        </div>
      )}
      {notice && (
        <Message kind="success" testId="device-notice">
          {notice}
        </Message>
      )}
      {removing && <RemoveForm device={device} onClose={() => setRemoving(false)} />}
      {hashing && (
        <AttachHashForm
          device={device}
          name={name}
          onClose={(done) => {
            setHashing(false);
            setNotice(done);
          }}
        />
      )}
    </div>
  );
}

function RemoveForm({ device, onClose }: { device: ReviewDevice; onClose(): void }): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const id = `remove-reason-${device.id}`;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const value = await action.run(() => api.call('review:removeDevice', { deviceId: device.id, reason }), () => t('device.removed'));
    if (value) onClose();
  }

  return (
    <form className="remove-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="remove-form">
      <label htmlFor={id}>{t('device.whyRemove', { name: deviceName(device, t) })}</label>
      <div className="inline-form">
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={200} placeholder={t('device.removePlaceholder')} data-testid="remove-reason" />
        <button type="submit" className="btn btn-primary btn-small" disabled={action.busy} data-testid="remove-submit">
          {t('device.remove')}
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
      <Message kind="error" testId="remove-error">
        {action.error}
      </Message>
    </form>
  );
}
