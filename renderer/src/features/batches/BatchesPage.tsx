// The Batches page: "where is this box?" across every batch, the batches by state, and a batch's
// review for shift leads.
import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../../store/provider';
import { BatchList } from './BatchList';
import { BatchReview } from './BatchReview';
import { FindBox } from './FindBox';
import { FleetBatches } from './FleetBatches';
import { useBatches } from './use-batches';
import './batches.css';

export function BatchesPage(): ReactNode {
  const { t } = useTranslation('batches');
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const canReview = roleAllows(role, 'batches:review');
  const { batches, error } = useBatches();
  // `seq` gives each opening its own review (fresh filters, even for the same batch).
  const [open, setOpen] = useState<{ batchId: number; search?: string; seq: number } | null>(null);
  const openBatch = (batchId: number, search?: string): void => setOpen((o) => ({ batchId, search, seq: (o?.seq ?? 0) + 1 }));

  return (
    <section className="batches-page" data-testid="batches-page">
      <FindBox canReview={canReview} onOpen={openBatch} />
      {open && canReview ? (
        <BatchReview key={open.seq} batchId={open.batchId} initialSearch={open.search} onBack={() => setOpen(null)} />
      ) : (
        <>
          <h1>{t('page.title')}</h1>
          {!canReview && <p className="hint">{t('page.leadOnly')}</p>}
          <Message kind="error" testId="batches-error">
            {error}
          </Message>
          {batches && <BatchList batches={batches} canReview={canReview} onOpen={(b) => openBatch(b.id)} />}
          {canReview && <FleetBatches onOpen={(id) => openBatch(id)} />}
        </>
      )}
    </section>
  );
}
