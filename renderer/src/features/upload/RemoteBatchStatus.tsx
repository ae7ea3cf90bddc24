// The batch as Partner Center last listed it (inventory:batches: its status and device count, stored so
// it shows offline), with "Refresh from Partner Center" (inventory:refresh) to read it again now.
import { useCallback, type ReactNode } from 'react';
import type { ApiClient } from '../../api';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi } from '../../store/provider';
import { useLive } from '../../lib/use-live';
import { useAction } from '../../lib/use-action';
import { counted, shortTime } from '../../lib/sync-view';

export function RemoteBatchStatus({ batch, customerTenantId }: { batch: BatchSummary; customerTenantId: string }): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const action = useAction();
  const load = useCallback((client: ApiClient) => client.call('inventory:batches', { customerTenantId }), [customerTenantId]);
  const inventory = useLive(load, ['remoteBatches', 'batches']);
  // Partner Center may spell the batch id in another casing than the station (issue 16, item 1).
  const remote = inventory.value?.batches.find((b) => b.remoteBatchId.toLowerCase() === batch.name.toLowerCase()) ?? null;

  async function refresh(): Promise<void> {
    const value = await action.run(() => api.call('inventory:refresh', { customerTenantId }), () => null);
    if (value) inventory.reload();
  }

  return (
    <section className="remote-batch" aria-label={t('remote.label')} data-testid="remote-batch" data-status={remote?.status ?? ''} data-count={remote?.devicesCount ?? ''}>
      <p>
        <strong>{t('remote.inPartnerCenter')}</strong>{' '}
        {remote ? (
          <span data-testid="remote-batch-text">
            {t('remote.listed', {
              devices: remote.devicesCount === null ? t('remote.noCount') : t('devices', counted(remote.devicesCount)),
              status: remote.status ?? t('remote.notGiven'),
              time: shortTime(remote.refreshedAt),
            })}
          </span>
        ) : (
          <span data-testid="remote-batch-text">{t(inventory.value ? 'remote.notListed' : 'remote.notRead')}</span>
        )}{' '}
        <button type="button" className="btn btn-small" disabled={action.busy} onClick={() => void refresh()} data-testid="remote-batch-refresh">
          {t(action.busy ? 'remote.reading' : 'remote.refresh')}
        </button>
      </p>
      <Message kind="error" testId="remote-batch-error">
        {action.error ?? inventory.error}
      </Message>
    </section>
  );
}
