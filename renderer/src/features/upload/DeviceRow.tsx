// One device's result: who it is, its state, and for a refused device the Partner Center code, what
// it means and what to do (shared/domain/device-errors). 806 counts as registered, with its note.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { explainDeviceError } from '../../../../shared/domain/device-errors';
import { IdentityBadge } from '../../components/IdentityBadge';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { useAction } from '../partner/use-action';
import { AttachHashForm } from './AttachHashForm';
import { adviceText } from '../../i18n/advice';

const stateLabels: Record<ReviewDevice['state'], string> = {
  scanned: 'Not queued yet',
  queued: 'Waiting to send',
  sending: 'Sending',
  registered: 'Registered',
  failed: 'Failed',
};

export function deviceName(d: ReviewDevice): string {
  if (d.pkid) return `PKID ${d.pkid}`;
  const make = [d.manufacturer, d.model].filter(Boolean).join(' ');
  return `Serial ${d.serial ?? '?'}${make ? ` (${make})` : ''}`;
}

export function DeviceRow({ device, selectable, checked, onToggle, canRemove }: { device: ReviewDevice; selectable: boolean; checked: boolean; onToggle(id: number): void; canRemove: boolean }): ReactNode {
  const failed = device.state === 'failed';
  const identity = device.identity;
  const explained = failed || (device.state === 'registered' && device.errorCode) ? explainDeviceError(device.errorCode, device.errorText, identity.kind) : null;
  const [removing, setRemoving] = useState(false);
  const [hashing, setHashing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A device Partner Center could not match by PKID or serial registers by its hash (813, 812, 803, 802).
  const hashHelps = failed && explained !== null && ['813', '812', '803', '802'].includes(explained.code);
  const name = deviceName(device);
  const tone = failed ? (explained?.outcome === 'retry-later' ? 'retry' : 'action') : device.state;
  return (
    <div className={`device-row device-${tone}`} data-testid={`device-${device.pkid ?? device.serial ?? device.id}`} data-state={device.state} data-code={device.errorCode ?? ''}>
      <div className="device-line">
        {selectable && (failed || device.state === 'registered') ? (
          <input type="checkbox" className="device-check" checked={checked} onChange={() => onToggle(device.id)} aria-label={failed ? `Tick ${name} to retry it` : `Tick ${name} to remove it from Autopilot`} data-testid={failed ? 'device-check' : 'device-check-remove'} />
        ) : (
          <span className="device-check-space" aria-hidden="true" />
        )}
        <span className="device-name">{name}</span>
        {device.pkid && device.serial && <span className="device-serial">Serial {device.serial}</span>}
        <span className="device-identity">
          <IdentityBadge identity={identity} showLabel={identity.kind === null} />
        </span>
        <span className={`device-state device-state-${tone}`} data-testid="device-state">
          {stateLabels[device.state]}
          {failed && explained ? (explained.outcome === 'retry-later' ? ' · retry later' : ' · needs action') : ''}
        </span>
      </div>
      {explained && failed && (
        <div className="device-explain" data-testid="device-explain">
          <p className="device-code">
            Error {explained.code} <span className="device-code-name">{explained.name}</span>
          </p>
          <p>
            <strong>What happened:</strong> <span data-testid="device-meaning">{adviceText(explained).meaning}</span>
          </p>
          <p>
            <strong>What to do:</strong> <span data-testid="device-action">{adviceText(explained).action}</span>
          </p>
        </div>
      )}
      {explained && !failed && (
        <p className="device-note" data-testid="device-note">
          Note ({explained.code}): {adviceText(explained).meaning} {adviceText(explained).action}
        </p>
      )}
      {canRemove && failed && !removing && !hashing && (
        <div className="device-tools">
          {hashHelps && (
            <button type="button" className="btn btn-small" onClick={() => setHashing(true)} data-testid="device-attach-hash">
              Attach hardware hash…
            </button>
          )}
          <button type="button" className="btn btn-small" aria-expanded={removing} onClick={() => setRemoving(true)} data-testid="device-remove">
            Remove from batch…
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
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const id = `remove-reason-${device.id}`;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const value = await action.run(() => api.call('review:removeDevice', { deviceId: device.id, reason }), () => 'Removed from the batch.');
    if (value) onClose();
  }

  return (
    <form className="remove-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="remove-form">
      <label htmlFor={id}>Why remove {deviceName(device)}? (goes into the audit trail)</label>
      <div className="inline-form">
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={200} placeholder="e.g. box damaged, sent back to supplier" data-testid="remove-reason" />
        <button type="submit" className="btn btn-primary btn-small" disabled={action.busy} data-testid="remove-submit">
          Remove
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <Message kind="error" testId="remove-error">
        {action.error}
      </Message>
    </form>
  );
}
