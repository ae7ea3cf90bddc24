// Asking the dock that owns a batch to approve it (for a customer chosen here) or to reopen it. The
// request goes to the hub and that dock's own rules decide on its next round; this button then says
// where the request stands: waiting for the hub, waiting for the dock, done, or refused and why.
import { useState, type ReactNode } from 'react';
import type { DeskBatch, RequestAction, SentRequest } from '../../../../shared/contract/fleet-desk';
import { errorText } from '../../i18n/errors';
import { useTranslation } from '../../i18n';
import { useApi } from '../../store/provider';
import { CustomerPicker } from './CustomerPicker';
import { fleetWhen } from './fleet-when';

interface Props {
  batch: DeskBatch;
  testId: string;
  onRequested(): void;
}

export function FleetRequestButton({ batch, testId, onRequested }: Props): ReactNode {
  const { t } = useTranslation('fleet');
  const api = useApi();
  const [choosing, setChoosing] = useState(false);
  const [customer, setCustomer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = batch.request !== null && batch.request.outcome === null;

  async function ask(action: RequestAction): Promise<void> {
    if (action === 'approve' && customer === null) return setError(t('chooseCustomer'));
    setBusy(true);
    const result = await api.call('fleet:requestBatch', { stationName: batch.stationName, batchName: batch.batchName, action, ...(action === 'approve' && customer !== null ? { customerTenantId: customer } : {}) });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setChoosing(false);
    onRequested();
  }

  return (
    <div className="fleet-request">
      {batch.request !== null && <RequestStatus request={batch.request} stationName={batch.stationName} testId={`${testId}-request`} />}
      {batch.state === 'closed' && !waiting && !choosing && (
        <div className="fleet-request-actions">
          <button type="button" className="btn btn-small btn-primary" onClick={() => setChoosing(true)} data-testid={`${testId}-ask-approve`}>
            {t('askApprove')}
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void ask('reopen')} data-testid={`${testId}-ask-reopen`}>
            {t('askReopen')}
          </button>
        </div>
      )}
      {choosing && (
        <div className="fleet-request-form" data-testid={`${testId}-approve-form`}>
          <p className="hint">{t('approveHint', { station: batch.stationName })}</p>
          <CustomerPicker chosen={customer} onChoose={setCustomer} />
          <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void ask('approve')} data-testid={`${testId}-send`}>
            {t('send')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => (setChoosing(false), setError(null))}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error !== null && (
        <p className="message message-error" role="alert" data-testid={`${testId}-request-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function RequestStatus({ request: r, stationName, testId }: { request: SentRequest; stationName: string; testId: string }): ReactNode {
  const { t } = useTranslation('fleet');
  const stage = r.outcome ?? (r.sent ? 'sent' : 'unsent');
  const words = t(`status.${r.action}.${stage}`, { who: r.requestedBy, time: fleetWhen(r.outcome === null ? r.requestedAt : (r.answeredAt ?? r.requestedAt)), station: stationName, reason: r.reason ?? '' });
  return (
    <p className={`review-sub${r.outcome === 'refused' ? ' review-error' : ''}`} data-testid={testId} data-outcome={stage}>
      {words}
    </p>
  );
}
