// Step one of the Scan page: resume an open batch (arrow keys + Enter) or start a new one.
import type { ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { BatchList } from './BatchList';
import { NewBatchForm } from './NewBatchForm';
import { useOpenBatches } from './use-open-batches';

export function BatchPicker({ onOpen, notice }: { onOpen: (batch: BatchSummary) => void; notice: string | null }): ReactNode {
  const { batches, error } = useOpenBatches();
  const hasBatches = batches !== null && batches.length > 0;
  return (
    <div className="batch-picker" data-testid="batch-picker">
      <h1>Scan: choose a batch</h1>
      <Message kind="info" testId="scan-notice">
        {notice}
      </Message>
      <Message kind="error" testId="batch-list-error">
        {error}
      </Message>
      <div className="picker-columns">
        <section aria-labelledby="open-batches-title" className="picker-column">
          <h2 id="open-batches-title">Resume an open batch</h2>
          {batches === null ? (
            <p className="hint">Loading batches…</p>
          ) : hasBatches ? (
            <BatchList batches={batches} onOpen={onOpen} />
          ) : (
            <p className="hint" data-testid="no-open-batches">
              No batch is open. Start one on the right.
            </p>
          )}
        </section>
        <section aria-labelledby="new-batch-title" className="picker-column">
          <h2 id="new-batch-title">Start a new batch</h2>
          <NewBatchForm onCreated={onOpen} autoFocus={batches !== null && !hasBatches} />
        </section>
      </div>
    </div>
  );
}
