// The upload engine in full: its state and message, what went wrong last, the running batch, and
// "Try now" for a lead who does not want to wait for the next attempt.
import { useEffect, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi, useAppStore } from '../../store/provider';
import { useAction } from '../../lib/use-action';
import { ProgressBar } from './ProgressBar';
import { counted, shortTime, syncLabel, syncMessage } from '../../lib/sync-view';

/** The states with a next step for the people at the station (upload.engine.nextStep.<state>). */
const withNextStep: ReadonlySet<string> = new Set(['sign-in-needed', 'not-configured', 'offline']);

export function EngineStatus(): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const status = useAppStore((s) => s.syncStatus);
  const setSyncStatus = useAppStore((s) => s.setSyncStatus);
  const mayKick = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:approve') : false));
  const loadSync = useAppStore((s) => s.loadSync);
  const action = useAction();
  useEffect(() => void loadSync(), [loadSync]);
  if (!status) return <p className="big-text">{t('engine.asking')}</p>;

  async function tryNow(): Promise<void> {
    const value = await action.run(() => api.call('sync:now', {}), () => t('engine.looking'));
    if (value) setSyncStatus(value);
  }

  const advice = withNextStep.has(status.state) ? t(`engine.nextStep.${status.state}`) : null;
  return (
    <div className={`engine sync-${status.state}`} data-testid="engine-status" data-state={status.state}>
      <div className="engine-main">
        <span className="engine-state">{syncLabel(status, t)}</span>
        <span className="engine-message" data-testid="engine-message">
          {syncMessage(status, t)}
        </span>
        {mayKick && (
          <button type="button" className="btn btn-small" onClick={() => void tryNow()} disabled={action.busy || status.state === 'not-configured'} data-testid="sync-now">
            {t('engine.tryNow')}
          </button>
        )}
      </div>
      <div className="engine-facts">
        <span data-testid="engine-waiting">{t('engine.onTheWay', counted(status.waitingDevices))}</span>
        {status.active && (
          <span className="engine-active">
            <Trans t={t} i18nKey="engine.batch" values={{ name: status.active.batchName }} components={{ b: <strong /> }} />
            <ProgressBar done={status.active.done} total={status.active.total} label={t('uploadOf', { name: status.active.batchName })} testId="engine-progress" />
          </span>
        )}
        <span className="engine-updated">{t('engine.asOf', { time: shortTime(status.updatedAt) })}</span>
      </div>
      {advice && <p className="engine-advice">{advice}</p>}
      {status.lastError && status.state !== 'idle' && (
        <p className="engine-error" data-testid="engine-last-error">
          {t('engine.lastProblem', { problem: status.lastError })}
        </p>
      )}
      <Message kind="error" testId="sync-now-error">
        {action.error}
      </Message>
    </div>
  );
}
