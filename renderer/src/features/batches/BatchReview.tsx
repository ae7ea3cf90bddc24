// One batch on the lead's desk: its state and counts, close / reopen / approve / export, and three
// views: the lines (virtualised, filtered, corrected with a reason), expected vs scanned, and an
// import of PKIDs from a file.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi, useAppStore } from '../../store/provider';
import { ApproveDialog } from './ApproveDialog';
import { ExpectedPanel } from './ExpectedPanel';
import { ExportButtons } from './ExportButtons';
import { formatCount } from '../../lib/format';
import { ImportPanel } from './ImportPanel';
import { LineDialog } from './LineDialog';
import { ReviewFilters, type Filters } from './ReviewFilters';
import { ReviewList } from './ReviewList';
import type { LineAction } from './ReviewRow';
import { useBatch } from './use-batches';
import { useReviewRows } from './use-review-rows';

type View = 'lines' | 'expected' | 'import';

const NOTICE_MS = 10_000;
// Between the counts: a mark, not a word.
const SEP = ' · ';

interface Props {
  batchId: number;
  initialSearch?: string | undefined;
  onBack(): void;
}

export function BatchReview({ batchId, initialSearch, onBack }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const { batch, error } = useBatch(batchId);
  const [filters, setFilters] = useState<Filters>({ state: 'all', search: initialSearch || undefined });
  const rows = useReviewRows({ batchId, ...filters });
  const [view, setView] = useState<View>('lines');
  const [line, setLine] = useState<{ action: LineAction; device: ReviewDevice } | null>(null);
  const [approving, setApproving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A done-notice fades after a while; errors stay until the next action.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const onAction = useCallback((action: LineAction, device: ReviewDevice) => setLine({ action, device }), []);
  const editable = batch?.state === 'open' || batch?.state === 'closed';
  const byState = rows.totals?.byState;

  return (
    <section className={`batch-review${view === 'lines' ? ' batch-review-lines' : ''}`} aria-label={t('review.label', { name: batch?.name ?? '' })} data-testid="batch-review">
      <div className="review-top">
        <button type="button" className="btn btn-small" onClick={onBack} data-testid="review-back">
          {t('review.back')}
        </button>
        <h1 className="review-title" data-testid="review-batch-name">
          {batch?.name ?? '…'}
        </h1>
        {batch && (
          <span className={`chip chip-batch-${batch.state} chip-large`} data-testid="batch-state" data-state={batch.state}>
            {t(`state.${batch.state}`)}
          </span>
        )}
        <p className="review-counts" data-testid="review-counts">
          {byState && (
            <>
              <strong data-testid="review-live-count">{formatCount(byState.live)}</strong> {t('review.inBatch')}
              {SEP}
              {t('review.removed', { count: byState.removed })}
              {byState.failed > 0 && (
                <>
                  {SEP}
                  <strong className="text-bad">{t('review.failed', { count: byState.failed })}</strong>
                </>
              )}
              {byState.registered > 0 && (
                <>
                  {SEP}
                  {t('review.registered', { count: byState.registered })}
                </>
              )}
            </>
          )}
          {batch && !editable && (
            <span className="hint-inline">
              {SEP}
              {t('review.frozen')}
            </span>
          )}
        </p>
      </div>
      <Message kind="error" testId="review-error">
        {error ?? rows.error}
      </Message>
      <Message kind="success" testId="review-notice">
        {notice}
      </Message>
      <div className="tabs" role="group" aria-label={t('review.views')}>
        <button type="button" className="tab" aria-pressed={view === 'lines'} onClick={() => setView('lines')} data-testid="review-tab-lines">
          {t('review.tabLines')}
        </button>
        <button type="button" className="tab" aria-pressed={view === 'expected'} onClick={() => setView('expected')} data-testid="review-tab-expected">
          {t('review.tabExpected')}
        </button>
        <button type="button" className="tab" aria-pressed={view === 'import'} onClick={() => setView('import')} data-testid="review-tab-import">
          {t('review.tabImport')}
        </button>
        {batch && <BatchActions batch={batch} onApprove={() => setApproving(true)} onNotice={setNotice} />}
      </div>
      {view === 'lines' && (
        <>
          <ReviewFilters filters={filters} totals={rows.totals} onChange={setFilters} />
          <ReviewList rows={rows} editable={editable} onAction={onAction} />
        </>
      )}
      {view === 'expected' && <ExpectedPanel batchId={batchId} canImport={editable} />}
      {view === 'import' && <ImportPanel batchId={batchId} editable={editable} />}
      {line && (
        <LineDialog
          action={line.action}
          device={line.device}
          onDone={(text) => {
            setLine(null);
            if (text) setNotice(text);
          }}
        />
      )}
      {approving && batch && (
        <ApproveDialog
          batch={batch}
          onDone={(text) => {
            setApproving(false);
            if (text) setNotice(text);
          }}
        />
      )}
    </section>
  );
}

function BatchActions({ batch, onApprove, onNotice }: { batch: BatchSummary; onApprove(): void; onNotice(text: string | null): void }): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const [error, setError] = useState<string | null>(null);
  const mayReview = roleAllows(role, 'batches:review');
  const mayApprove = roleAllows(role, 'batches:approve');
  async function change(channel: 'batches:close' | 'batches:reopen'): Promise<void> {
    onNotice(null);
    const result = await api.call(channel, { id: batch.id });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    onNotice(channel === 'batches:close' ? t('review.closed', { name: batch.name }) : t('review.reopened', { name: batch.name }));
  }
  return (
    <div className="review-actions-bar">
      <ExportButtons batchId={batch.id} />
      {batch.state === 'open' && (
        <button type="button" className="btn btn-small" onClick={() => void change('batches:close')} data-testid="batch-close">
          {t('review.close')}
        </button>
      )}
      {batch.state === 'closed' && mayReview && (
        <button type="button" className="btn btn-small" onClick={() => void change('batches:reopen')} data-testid="batch-reopen">
          {t('review.reopen')}
        </button>
      )}
      {batch.state === 'closed' && mayApprove && (
        <button type="button" className="btn btn-small btn-primary" onClick={onApprove} data-testid="approve-open">
          {t('review.approve')}
        </button>
      )}
      {error && (
        <p className="message message-error" role="alert" data-testid="batch-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
