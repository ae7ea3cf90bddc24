// What a lead can do about a batch's failed devices: send them again (all, or the ones ticked), or move
// them into a new batch to deal with later, so this batch can be finished.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { BATCH_NAME_MAX } from '../../../../shared/domain/batch';
import { batchNameProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useApi } from '../../store/provider';
import { useAction } from '../../lib/use-action';
import { counted } from '../../lib/sync-view';

/** The batch's name and the suffix (" failed" in English), cut so the two fit in a batch name. */
function suggestedName(batch: string, suffix: string): string {
  return `${batch.slice(0, BATCH_NAME_MAX - suffix.length)}${suffix}`;
}

export function FailedActions({ batch, failed, selected, onDone }: { batch: BatchSummary; failed: number; selected: ReadonlySet<number>; onDone(): void }): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const action = useAction();
  const [moving, setMoving] = useState(false);
  const [newName, setNewName] = useState(() => suggestedName(batch.name, t('failed.nameSuffix')));

  async function retry(deviceIds?: number[]): Promise<void> {
    const value = await action.run(
      () => api.call('uploads:retryFailed', deviceIds ? { batchId: batch.id, deviceIds } : { batchId: batch.id }),
      (v) => t('failed.sentAgain', counted(v.queued)),
    );
    if (value) onDone();
  }

  async function move(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problem = batchNameProblemText(newName);
    if (problem) return void action.run(async () => ({ ok: false as const, error: { code: 'INVALID_INPUT' as const, message: problem } }), () => null);
    const value = await action.run(
      () => api.call('uploads:moveFailed', { batchId: batch.id, newBatchName: newName }),
      (v) => t('failed.moved', { ...counted(v.moved), name: newName.trim() }),
    );
    if (value) {
      setMoving(false);
      onDone();
    }
  }

  return (
    <div className="failed-actions" data-testid="failed-actions">
      <div className="inline-form">
        <button type="button" className="btn btn-primary btn-small" disabled={action.busy} onClick={() => void retry()} data-testid="retry-all-failed">
          {t('failed.retryAll', { n: formatNumber(failed) })}
        </button>
        <button type="button" className="btn btn-small" disabled={action.busy || selected.size === 0} onClick={() => void retry([...selected])} data-testid="retry-selected">
          {t('failed.retryTicked', { n: formatNumber(selected.size) })}
        </button>
        <button type="button" className="btn btn-small" disabled={action.busy} aria-expanded={moving} onClick={() => setMoving((m) => !m)} data-testid="move-failed">
          {t('failed.moveOpen')}
        </button>
      </div>
      {moving && (
        <form className="inline-form move-form" onSubmit={(e) => void move(e)} onKeyDown={(e) => e.key === 'Escape' && setMoving(false)} data-testid="move-failed-form">
          <label htmlFor="move-failed-name">{t('failed.newName')}</label>
          <input id="move-failed-name" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={BATCH_NAME_MAX} autoFocus data-testid="move-failed-name" />
          <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="move-failed-submit">
            {t('failed.move', counted(failed))}
          </button>
          <button type="button" className="btn" onClick={() => setMoving(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <Message kind="error" testId="failed-actions-error">
        {action.error}
      </Message>
      <Message kind="success" testId="failed-actions-done">
        {action.done}
      </Message>
    </div>
  );
}
