// Register a refused device by its hardware hash: the lead picks the CSV Get-WindowsAutopilotInfo wrote
// on the device, says why, and the core attaches the hash in place (then "Retry" sends it by hash).
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { FilePick, type PickedFile } from '../batches/FilePick';
import { useAction } from '../partner/use-action';

export function AttachHashForm({ device, name, onClose }: { device: ReviewDevice; name: string; onClose(notice: string | null): void }): ReactNode {
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
    if (value) onClose(`Hardware hash from ${file.fileName} attached. Tick this device and press "Retry ticked" to send it by its hash.`);
  }

  return (
    <form className="remove-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose(null)} data-testid="attach-hash-form">
      <p>Register {name} by its hardware hash: choose the CSV that Get-WindowsAutopilotInfo wrote on this device.</p>
      <div className="inline-form">
        <FilePick label={file ? `File: ${file.fileName}` : 'Choose hash file…'} testId="attach-hash-file" onPick={(f) => (setFile(f), setPickError(null))} onError={setPickError} />
      </div>
      <label htmlFor={id}>Why? (goes into the audit trail)</label>
      <div className="inline-form">
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder="e.g. 813: hash collected on the device" data-testid="attach-hash-reason" />
        <button type="submit" className="btn btn-primary btn-small" disabled={action.busy || !file || reason.trim().length < 3} data-testid="attach-hash-submit">
          Attach hash
        </button>
        <button type="button" className="btn btn-small" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
      <Message kind="error" testId="attach-hash-error">
        {pickError ?? action.error}
      </Message>
    </form>
  );
}
