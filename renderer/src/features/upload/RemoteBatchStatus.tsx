// The batch as Partner Center last listed it (inventory:batches: its status and device count, stored so
// it shows offline), with "Refresh from Partner Center" (inventory:refresh) to read it again now.
import { useCallback, type ReactNode } from 'react';
import type { ApiClient } from '../../api';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { useLive } from '../batches/use-live';
import { useAction } from '../partner/use-action';
import { plural, shortTime } from './sync-view';

export function RemoteBatchStatus({ batch, customerTenantId }: { batch: BatchSummary; customerTenantId: string }): ReactNode {
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
    <section className="remote-batch" aria-label="The batch in Partner Center" data-testid="remote-batch" data-status={remote?.status ?? ''} data-count={remote?.devicesCount ?? ''}>
      <p>
        <strong>In Partner Center:</strong>{' '}
        {remote ? (
          <span data-testid="remote-batch-text">
            {remote.devicesCount === null ? 'device count not given' : plural(remote.devicesCount, 'device')}, status {remote.status ?? 'not given'} (as of {shortTime(remote.refreshedAt)})
          </span>
        ) : (
          <span data-testid="remote-batch-text">{inventory.value ? 'not in the list Partner Center last gave (refresh to read it again)' : 'not read yet'}</span>
        )}{' '}
        <button type="button" className="btn btn-small" disabled={action.busy} onClick={() => void refresh()} data-testid="remote-batch-refresh">
          {action.busy ? 'Reading…' : 'Refresh from Partner Center'}
        </button>
      </p>
      <Message kind="error" testId="remote-batch-error">
        {action.error ?? inventory.error}
      </Message>
    </section>
  );
}
