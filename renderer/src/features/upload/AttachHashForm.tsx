// Register a refused device by its hardware hash: the lead picks the CSV Get-WindowsAutopilotInfo wrote
// on the device, says why, and the core attaches the hash in place (then "Retry" sends it by hash).
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi } from '../../store/provider';
import { FilePick, type PickedFile } from '../../components/FilePick';
import { useAction } from '../../lib/use-action';

export function AttachHashForm({ device, name, onClose }: { device: ReviewDevice; name: string; onClose(notice: string | null): void }): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const action = useAction();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [reason, setReason] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const id = `hash-reason-${device.id}`;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!file) return;
    const value = await action.run(() => api.call('review:attachHash', { deviceId: device.id, fileName: file.fileName, contentBase64: file.contentBase64, reason }), () => null);
    if (value) onClose(t('hash.attached', { file: file.fileName }));
  }

  return (
    <form className="remove-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose(null)} data-testid="attach-hash-form">
      <p>{t('hash.intro', { name })}</p>
      <div className="inline-form">
        <FilePick label={file ? t('hash.file', { file: file.fileName }) : t('hash.choose')} testId="attach-hash-file" onPick={(f) => (setFile(f), setPickError(null))} onError={setPickError} />
      </div>
      <label htmlFor={id}>{t('hash.why')}</label>
      <div className="inline-form">
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder={t('hash.placeholder')} data-testid="attach-hash-reason" />
        <button type="submit" className="btn btn-primary btn-small" disabled={action.busy || !file || reason.trim().length < 3} data-testid="attach-hash-submit">
          {t('hash.submit')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onClose(null)}>
          {t('cancel')}
        </button>
      </div>
      <Message kind="error" testId="attach-hash-error">
        {pickError ?? action.error}
      </Message>
    </form>
  );
}
