// Remove, restore or fix one line, always with a reason (it goes into the audit trail). A PKID is
// never edited: a wrong one is removed and the box scanned again. Manufacturer and model are chosen
// with the Scan page's tuple fields, because a box without a PKID is registered by exactly that spelling.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { summariseIdentity } from '../../../../shared/domain/identity';
import { IdentityBadge } from '../../components/IdentityBadge';
import { Message } from '../../components/Message';
import { TupleFields } from '../tuple/TupleFields';
import { useApi } from '../../store/provider';
import { Dialog } from './Dialog';
import { FilePick, type PickedFile } from './FilePick';
import type { LineAction } from './ReviewRow';

interface Props {
  action: LineAction;
  device: ReviewDevice;
  onDone(notice: string | null): void;
}

const titles: Record<LineAction, string> = { remove: 'Remove this line', restore: 'Put this line back', fix: 'Fix serial, make, model or hash' };

export function LineDialog({ action, device, onDone }: Props): ReactNode {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [serial, setSerial] = useState(device.serial ?? '');
  const [manufacturer, setManufacturer] = useState(device.manufacturer ?? '');
  const [model, setModel] = useState(device.model ?? '');
  const [error, setError] = useState<string | null>(null);
  const [hashFile, setHashFile] = useState<PickedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const name = device.pkid ?? device.serial ?? `line ${device.id}`;
  // While fixing, the badge shows what the line will be sent as once saved (the core checks again). A
  // stored hash is sent whatever is typed here, so such a line keeps the identity it has.
  const identity =
    action === 'fix' && !device.hasHardwareHash
      ? summariseIdentity({ pkid: device.pkid, serial: serial.trim() || null, manufacturer: manufacturer.trim() || null, model: model.trim() || null, hardwareHash: null })
      : device.identity;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const changed = (now: string, before: string | null) => (now.trim() === (before ?? '') ? undefined : now);
    const fields = { serial: changed(serial, device.serial), manufacturer: changed(manufacturer, device.manufacturer), model: changed(model, device.model) };
    const fieldsChanged = Object.values(fields).some((v) => v !== undefined);
    // A hash file goes first: a line registered by its hash may then need no serial, make or model.
    const hashed = action === 'fix' && hashFile ? await api.call('review:attachHash', { deviceId: device.id, fileName: hashFile.fileName, contentBase64: hashFile.contentBase64, reason }) : null;
    if (hashed && !hashed.ok) {
      setBusy(false);
      return setError(hashed.error.message);
    }
    const result =
      action === 'remove'
        ? await api.call('review:removeDevice', { deviceId: device.id, reason })
        : action === 'restore'
          ? await api.call('review:restoreDevice', { deviceId: device.id, reason })
          : hashed && !fieldsChanged
            ? hashed
            : await api.call('review:fixDevice', { deviceId: device.id, ...fields, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(action === 'remove' ? `${name} was removed from the batch.` : action === 'restore' ? `${name} is back in the batch.` : `${name} was corrected.`);
  }

  return (
    <Dialog title={titles[action]} testId="line-dialog" onClose={() => onDone(null)}>
      <p className="big-text">
        <code className="review-pkid">{device.pkid ?? 'no PKID'}</code>
        {device.serial ? ` · serial ${device.serial}` : ''}
      </p>
      <p className="line-identity" data-testid="line-identity">
        <IdentityBadge identity={identity} />
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {action === 'fix' && (
          <>
            <p className="hint">The PKID cannot be changed here: if it is wrong, remove the line and scan the box again.</p>
            <div className="lead-fields">
              <label className="field">
                <span>Serial</span>
                <input value={serial} maxLength={64} onChange={(e) => setSerial(e.target.value)} data-testid="fix-serial" data-autofocus />
              </label>
            </div>
            <TupleFields idPrefix="fix" manufacturer={manufacturer} model={model} onManufacturer={setManufacturer} onModel={setModel} onDone={() => document.getElementById('line-reason')?.focus()} />
            <div className="field">
              <span>Hardware hash (the CSV Get-WindowsAutopilotInfo wrote on this device)</span>
              <FilePick label={hashFile ? `File: ${hashFile.fileName}` : device.hasHardwareHash ? 'Replace hash from file…' : 'Attach hash from file…'} testId="fix-hash-file" onPick={setHashFile} onError={setError} />
            </div>
          </>
        )}
        {action === 'restore' && device.removedReason && <p className="hint">Removed by {device.removedBy}: “{device.removedReason}”</p>}
        <label className="field">
          <span>Why? (goes into the audit trail)</span>
          <input id="line-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder="e.g. damaged box, sent back" data-testid="line-reason" {...(action === 'fix' ? {} : { 'data-autofocus': true })} />
        </label>
        <Message kind="error" testId="line-error">
          {error}
        </Message>
        <div className="lead-actions">
          <button type="submit" className={`btn ${action === 'remove' ? 'btn-danger-solid' : 'btn-primary'}`} disabled={busy || reason.trim().length < 3} data-testid="line-confirm">
            {action === 'remove' ? 'Remove line' : action === 'restore' ? 'Restore line' : 'Save correction'}
          </button>
          <button type="button" className="btn" onClick={() => onDone(null)} data-testid="line-cancel">
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
