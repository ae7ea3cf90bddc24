// The upload engine in full: its state and message, what went wrong last, the running batch, and
// "Try now" for a lead who does not want to wait for the next attempt.
import { useEffect, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useApi, useAppStore } from '../../store/provider';
import { useAction } from '../partner/use-action';
import { ProgressBar } from './ProgressBar';
import { plural, shortTime, syncLabel, syncMessage } from './sync-view';

const nextStep: Partial<Record<string, string>> = {
  'sign-in-needed': 'A shift lead signs the station in under Settings → Partner Center; uploads then go on by themselves.',
  'not-configured': 'A station admin sets Partner Center up under Settings → Partner Center. Approved batches wait here.',
  offline: 'Nothing is lost: uploads go on by themselves when Partner Center can be reached again.',
};

export function EngineStatus(): ReactNode {
  const api = useApi();
  const status = useAppStore((s) => s.syncStatus);
  const setSyncStatus = useAppStore((s) => s.setSyncStatus);
  const mayKick = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:approve') : false));
  const loadSync = useAppStore((s) => s.loadSync);
  const action = useAction();
  useEffect(() => void loadSync(), [loadSync]);
  if (!status) return <p className="big-text">Asking the upload engine…</p>;

  async function tryNow(): Promise<void> {
    const value = await action.run(() => api.call('sync:now', {}), () => 'Looking at the uploads now.');
    if (value) setSyncStatus(value);
  }

  const advice = nextStep[status.state];
  return (
    <div className={`engine sync-${status.state}`} data-testid="engine-status" data-state={status.state}>
      <div className="engine-main">
        <span className="engine-state">{syncLabel(status)}</span>
        <span className="engine-message" data-testid="engine-message">
          {syncMessage(status)}
        </span>
        {mayKick && (
          <button type="button" className="btn btn-small" onClick={() => void tryNow()} disabled={action.busy || status.state === 'not-configured'} data-testid="sync-now">
            Try now
          </button>
        )}
      </div>
      <div className="engine-facts">
        <span data-testid="engine-waiting">{plural(status.waitingDevices, 'device')} on the way</span>
        {status.active && (
          <span className="engine-active">
            Batch <strong>{status.active.batchName}</strong>
            <ProgressBar done={status.active.done} total={status.active.total} label={`Upload of batch ${status.active.batchName}`} testId="engine-progress" />
          </span>
        )}
        <span className="engine-updated">as of {shortTime(status.updatedAt)}</span>
      </div>
      {advice && <p className="engine-advice">{advice}</p>}
      {status.lastError && status.state !== 'idle' && (
        <p className="engine-error" data-testid="engine-last-error">
          Last problem: {status.lastError}
        </p>
      )}
      <Message kind="error" testId="sync-now-error">
        {action.error}
      </Message>
    </div>
  );
}
