// Remove, restore or fix one line, always with a reason (it goes into the audit trail). A PKID is
// never edited: a wrong one is removed and the box scanned again. Manufacturer and model are chosen
// with the Scan page's tuple fields, because a box without a PKID is registered by exactly that spelling.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { summariseIdentity } from '../../../../shared/domain/identity';
import { IdentityBadge } from '../../components/IdentityBadge';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { TupleFields } from '../../components/tuple/TupleFields';
import { useApi } from '../../store/provider';
import { Dialog } from '../../components/Dialog';
import { FilePick, type PickedFile } from '../../components/FilePick';
import type { LineAction } from './ReviewRow';

interface Props {
  action: LineAction;
  device: ReviewDevice;
  onDone(notice: string | null): void;
}


export function LineDialog({ action, device, onDone }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const [reason, setReason] = useState('');
  const [serial, setSerial] = useState(device.serial ?? '');
  const [manufacturer, setManufacturer] = useState(device.manufacturer ?? '');
  const [model, setModel] = useState(device.model ?? '');
  const [error, setError] = useState<string | null>(null);
  const [hashFile, setHashFile] = useState<PickedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const name = device.pkid ?? device.serial ?? t('edit.lineName', { id: device.id });
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
      return setError(errorText(hashed.error));
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
    if (!result.ok) return setError(errorText(result.error));
    onDone(t(`edit.done.${action}`, { name }));
  }

  return (
    <Dialog title={t(`edit.title.${action}`)} testId="line-dialog" onClose={() => onDone(null)}>
      <p className="big-text">
        <code className="review-pkid">{device.pkid ?? t('line.noPkid')}</code>
        {device.serial ? t('edit.serialAfter', { serial: device.serial }) : ''}
      </p>
      <p className="line-identity" data-testid="line-identity">
        <IdentityBadge identity={identity} />
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {action === 'fix' && (
          <>
            <p className="hint">{t('edit.pkidFixed')}</p>
            <div className="lead-fields">
              <label className="field">
                <span>{t('edit.serial')}</span>
                <input value={serial} maxLength={64} onChange={(e) => setSerial(e.target.value)} data-testid="fix-serial" data-autofocus />
              </label>
            </div>
            <TupleFields idPrefix="fix" manufacturer={manufacturer} model={model} onManufacturer={setManufacturer} onModel={setModel} onDone={() => document.getElementById('line-reason')?.focus()} />
            <div className="field">
              <span>{t('edit.hash')}</span>
              <FilePick label={hashFile ? t('edit.hashFile', { fileName: hashFile.fileName }) : device.hasHardwareHash ? t('edit.replaceHash') : t('edit.attachHash')} testId="fix-hash-file" onPick={setHashFile} onError={setError} />
            </div>
          </>
        )}
        {action === 'restore' && device.removedReason && <p className="hint">{t('edit.removedBy', { name: device.removedBy, reason: device.removedReason })}</p>}
        <label className="field">
          <span>{t('edit.why')}</span>
          <input id="line-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t('edit.whyPlaceholder')} data-testid="line-reason" {...(action === 'fix' ? {} : { 'data-autofocus': true })} />
        </label>
        <Message kind="error" testId="line-error">
          {error}
        </Message>
        <div className="lead-actions">
          <button type="submit" className={`btn ${action === 'remove' ? 'btn-danger-solid' : 'btn-primary'}`} disabled={busy || reason.trim().length < 3} data-testid="line-confirm">
            {t(`edit.confirm.${action}`)}
          </button>
          <button type="button" className="btn" onClick={() => onDone(null)} data-testid="line-cancel">
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
