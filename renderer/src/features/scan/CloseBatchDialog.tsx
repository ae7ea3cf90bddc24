// "Finish batch": closes it for scanning (ready for review), after a confirm step. The Yes button
// takes focus, so Enter closes and Esc keeps scanning; scans still in the queue are waited for.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

interface CloseBatchDialogProps {
  batch: BatchSummary;
  store: ScanStore;
  /** null: cancelled; otherwise the notice to show after leaving. */
  onDone: (notice: string | null) => void;
}

export function CloseBatchDialog({ batch, store, onDone }: CloseBatchDialogProps): ReactNode {
  const { t } = useTranslation('scan');
  const api = useApi();
  const count = useScan(store, (s) => s.count);
  // Read here, not in the view: every scan moves the queue, and the whole view should not re-render for it.
  const queued = useScan(store, (s) => s.queued);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);

  async function close(): Promise<void> {
    if (queued > 0 || busy) return;
    setBusy(true);
    const result = await api.call('batches:close', { id: batch.id });
    setBusy(false);
    if (result.ok) onDone(t('close.done', { name: result.value.name, count: result.value.deviceCount }));
    else setError(errorText(result.error));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(null);
    }
    // Tab stays inside the dialog: two buttons.
    if (event.key === 'Tab') {
      const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      event.preventDefault();
      buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="close-batch-title" aria-describedby="close-batch-text" onKeyDown={onKeyDown} data-testid="close-batch-dialog">
        <h2 id="close-batch-title">{t('close.title', { name: batch.name })}</h2>
        <p id="close-batch-text" className="big-text">
          {t('close.text', { count })}
        </p>
        {queued > 0 && <p className="hint">{t('close.waiting', { count: queued })}</p>}
        <Message kind="error" testId="close-batch-error">
          {error}
        </Message>
        <div className="dialog-actions">
          <button type="button" ref={yes} className="btn btn-primary" onClick={() => void close()} disabled={busy || queued > 0} data-testid="close-batch-confirm">
            {t('close.yes')} <kbd>{t('key.enter')}</kbd>
          </button>
          <button type="button" className="btn" onClick={() => onDone(null)} data-testid="close-batch-cancel">
            {t('close.no')} <kbd>{t('key.esc')}</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
