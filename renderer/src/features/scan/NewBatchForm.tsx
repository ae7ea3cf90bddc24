// A new batch's name, with the naming rule checked as it is typed (the core checks it again). The
// field opts in to scans, so a pallet or delivery label can be scanned in as the name.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { BATCH_NAME_MAX } from '../../../../shared/domain/batch';
import { batchNameProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

export function NewBatchForm({ onCreated, autoFocus }: { onCreated: (batch: BatchSummary) => void; autoFocus: boolean }): ReactNode {
  const { t } = useTranslation('scan');
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = name === '' ? null : batchNameProblemText(name);
  const left = BATCH_NAME_MAX - name.trim().length;
  const field = useRef<HTMLInputElement>(null);
  // Focus arrives once the batch list is known to be empty (autoFocus acts only on mount).
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    // The rule line under the field already says what is wrong: saying it a second time helps no one.
    if (batchNameProblemText(name) !== null) return field.current?.focus();
    setBusy(true);
    const result = await api.call('batches:create', { name });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(errorText(result.error));
  }

  return (
    <form className="new-batch" onSubmit={(e) => void submit(e)} data-testid="new-batch-form">
      <div className="field" data-scan-target="">
        <label htmlFor={id}>{t('newBatch.name')}</label>
        <input
          id={id}
          value={name}
          maxLength={BATCH_NAME_MAX + 16}
          autoComplete="off"
          ref={field}
          aria-describedby={`${id}-rule`}
          aria-invalid={problem !== null}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          data-testid="new-batch-name"
        />
      </div>
      <p id={`${id}-rule`} className={problem === null ? 'name-rule' : 'name-rule name-rule-broken'} data-testid="new-batch-rule" aria-live="polite">
        {problem ?? t('newBatch.rule', { max: BATCH_NAME_MAX, count: left })}
      </p>
      <Message kind="error" testId="new-batch-error">
        {error}
      </Message>
      <button type="submit" className="btn btn-primary btn-wide" disabled={busy} data-testid="new-batch-submit">
        {t('newBatch.submit')} <kbd>{t('key.enter')}</kbd>
      </button>
    </form>
  );
}
