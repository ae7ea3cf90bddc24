// Step one of the Scan page: resume an open batch (arrow keys + Enter) or start a new one.
import type { ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { BatchList } from './BatchList';
import { NewBatchForm } from './NewBatchForm';
import { useOpenBatches } from './use-open-batches';

export function BatchPicker({ onOpen, notice }: { onOpen: (batch: BatchSummary) => void; notice: string | null }): ReactNode {
  const { t } = useTranslation('scan');
  const { batches, error } = useOpenBatches();
  const hasBatches = batches !== null && batches.length > 0;
  return (
    <div className="batch-picker" data-testid="batch-picker">
      <h1>{t('picker.title')}</h1>
      <Message kind="info" testId="scan-notice">
        {notice}
      </Message>
      <Message kind="error" testId="batch-list-error">
        {error}
      </Message>
      <div className="picker-columns">
        <section aria-labelledby="open-batches-title" className="picker-column">
          <h2 id="open-batches-title">{t('picker.resume')}</h2>
          {batches === null ? (
            <p className="hint">{t('picker.loading')}</p>
          ) : hasBatches ? (
            <BatchList batches={batches} onOpen={onOpen} />
          ) : (
            <p className="hint" data-testid="no-open-batches">
              {t('picker.none')}
            </p>
          )}
        </section>
        <section aria-labelledby="new-batch-title" className="picker-column">
          <h2 id="new-batch-title">{t('picker.start')}</h2>
          <NewBatchForm onCreated={onOpen} autoFocus={batches !== null && !hasBatches} />
        </section>
      </div>
    </div>
  );
}
