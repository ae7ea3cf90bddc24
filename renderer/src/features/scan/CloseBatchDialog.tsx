// "Finish batch": closes it for scanning (ready for review), after a confirm step. The Yes button
// takes focus, so Enter closes and Esc keeps scanning; scans still in the queue are waited for.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

interface CloseBatchDialogProps {
  batch: BatchSummary;
  store: ScanStore;
  queued: number;
  /** null: cancelled; otherwise the notice to show after leaving. */
  onDone: (notice: string | null) => void;
}

export function CloseBatchDialog({ batch, store, queued, onDone }: CloseBatchDialogProps): ReactNode {
  const api = useApi();
  const count = useScan(store, (s) => s.count);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);

  async function close(): Promise<void> {
    if (queued > 0 || busy) return;
    setBusy(true);
    const result = await api.call('batches:close', { id: batch.id });
    setBusy(false);
    if (result.ok) onDone(`Batch ${result.value.name} is ready for review, with ${result.value.deviceCount} box${result.value.deviceCount === 1 ? '' : 'es'}.`);
    else setError(result.error.message);
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
        <h2 id="close-batch-title">Finish batch {batch.name}?</h2>
        <p id="close-batch-text" className="big-text">
          {count} box{count === 1 ? '' : 'es'}. It goes to the shift lead for review and takes no more scans.
        </p>
        {queued > 0 && <p className="hint">Waiting for {queued} scan{queued === 1 ? '' : 's'} to be recorded…</p>}
        <Message kind="error" testId="close-batch-error">
          {error}
        </Message>
        <div className="dialog-actions">
          <button type="button" ref={yes} className="btn btn-primary" onClick={() => void close()} disabled={busy || queued > 0} data-testid="close-batch-confirm">
            Yes, ready for review <kbd>Enter</kbd>
          </button>
          <button type="button" className="btn" onClick={() => onDone(null)} data-testid="close-batch-cancel">
            Keep scanning <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
