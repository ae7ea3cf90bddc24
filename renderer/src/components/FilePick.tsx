// A file input that reads the chosen file as base64 for the contract.
import { useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { fileToBase64 } from '../lib/files';

export interface PickedFile {
  fileName: string;
  contentBase64: string;
  bytes: number;
}

interface Props {
  label: string;
  testId: string;
  disabled?: boolean;
  onPick(file: PickedFile): void;
  onError(message: string): void;
}

export function FilePick({ label, testId, disabled = false, onPick, onError }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const input = useRef<HTMLInputElement>(null);
  async function picked(files: FileList | null): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    try {
      onPick({ fileName: file.name, contentBase64: await fileToBase64(file), bytes: file.size });
    } catch (err) {
      onError(t('file.unreadable', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      // The same file can be chosen again (after fixing it on disk).
      if (input.current) input.current.value = '';
    }
  }
  return (
    <label className="file-pick">
      <span className="btn btn-secondary">{label}</span>
      <input ref={input} className="file-pick-input" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" disabled={disabled} onChange={(e) => void picked(e.target.files)} data-testid={testId} />
    </label>
  );
}
