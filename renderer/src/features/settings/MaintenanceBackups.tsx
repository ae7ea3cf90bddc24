// Settings → Maintenance: the station's database backups, newest first, "Back up now" with how far a
// running backup has copied (whoever started it: this screen, another one, or the schedule), and the
// schedule (an admin may change it; the core checks the values and who is asking).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { BackupListing, BackupProgressEvent } from '../../../../shared/contract/backup';
import { Trans } from 'react-i18next';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';
import { backupKindLabel, formatBytes, formatWhen, scheduleWords } from './maintenance-format';
import { MaintenanceProgress } from './MaintenanceProgress';
import { MaintenanceSchedule } from './MaintenanceSchedule';

const AUDIT = ['audit'] as const;

export function MaintenanceBackups({ isAdmin }: { isAdmin: boolean }): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [progress, setProgress] = useState<BackupProgressEvent | null>(null);
  // This screen's own backup reports its outcome from the call's answer, with the core's reason.
  const ownRun = useRef(false);

  const load = useCallback(async () => {
    const result = await api.call('backup:list', {});
    if (result.ok) {
      setListing(result.value);
      setLoadError(null);
    } else setLoadError(errorText(result.error));
  }, [api]);

  useEffect(() => void load(), [load]);
  // Every backup, scheduled or from another screen, is audited: that commit is the cue to look again.
  useDbChanged(AUDIT, () => void load());
  // The end of any backup also ends the bar and brings the list up to date (new copy in, pruned ones out).
  useEffect(
    () =>
      api.on('backup:progress', (p) => {
        if (p.running) {
          setProgress(p);
          return;
        }
        setProgress(null);
        // An event that arrives after this screen's own failed call keeps that call's more precise message.
        if (p.outcome === 'failed' && !ownRun.current) setFailed((shown) => shown ?? (p.kind === 'scheduled' ? t('backups.scheduledFailed') : t('backups.otherFailed')));
        void load();
      }),
    [api, load, t],
  );

  async function backUpNow(): Promise<void> {
    setRunning(true);
    setDone(null);
    setFailed(null);
    ownRun.current = true;
    try {
      const result = await api.call('backup:run', {});
      if (result.ok) setDone(t('backups.done', { file: result.value.fileName, size: formatBytes(result.value.bytes) }));
      else setFailed(t('backups.failed', { reason: errorText(result.error) }));
    } finally {
      ownRun.current = false;
      setRunning(false);
      setProgress(null);
      await load();
    }
  }

  const busy = running || (progress?.running ?? false) || (listing?.running ?? false);
  return (
    <section className="maintenance-card" aria-labelledby="maintenance-backups-title" data-testid="maintenance-backups">
      <h2 id="maintenance-backups-title">{t('backups.title')}</h2>
      <Message kind="error" testId="backups-load-error">
        {loadError}
      </Message>
      {listing && (
        <p className="big-text" data-testid="backup-schedule">
          {scheduleWords(listing.intervalHours, listing.keep)}
        </p>
      )}
      <div className="inline-form">
        <button type="button" className="btn btn-primary" disabled={busy || listing === null} onClick={() => void backUpNow()} data-testid="backup-now">
          {busy ? t('backups.running') : t('backups.now')}
        </button>
      </div>
      {busy && (
        <p className="message message-info" role="status" data-testid="backup-running">
          {t('backups.runningNote')}
        </p>
      )}
      {busy && <MaintenanceProgress progress={progress} />}
      <Message kind="success" testId="backup-done">
        {done}
      </Message>
      <Message kind="error" testId="backup-failed">
        {failed}
      </Message>
      {listing && listing.backups.length === 0 && <p data-testid="backups-empty">{t('backups.empty', { dir: listing.dir })}</p>}
      {listing && listing.backups.length > 0 && (
        <table className="maintenance-table" data-testid="backups-table">
          <caption>
            <Trans t={t} i18nKey="backups.caption" values={{ dir: listing.dir }} components={{ dir: <code /> }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.taken')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">{t('backups.file')}</th>
            </tr>
          </thead>
          <tbody>
            {listing.backups.map((b) => (
              <tr key={b.fileName} data-testid="backup-row">
                <td>{formatWhen(b.at)}</td>
                <td>{backupKindLabel(b.kind)}</td>
                <td>{formatBytes(b.bytes)}</td>
                <td>
                  <code>{b.fileName}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing && isAdmin && <MaintenanceSchedule intervalHours={listing.intervalHours} keep={listing.keep} onSaved={() => void load()} />}
    </section>
  );
}
