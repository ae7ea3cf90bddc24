// Settings → Maintenance: the station's database backups, newest first, "Back up now" with how far a
// running backup has copied (whoever started it: this screen, another one, or the schedule), and the
// schedule (an admin may change it; the core checks the values and who is asking).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { BackupListing, BackupProgressEvent } from '../../../../shared/contract/backup';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { backupKindLabels, formatBytes, formatWhen, scheduleWords } from './maintenance-format';
import { MaintenanceProgress } from './MaintenanceProgress';
import { MaintenanceSchedule } from './MaintenanceSchedule';

export function MaintenanceBackups({ isAdmin }: { isAdmin: boolean }): ReactNode {
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
    } else setLoadError(result.error.message);
  }, [api]);

  useEffect(() => void load(), [load]);
  // Every backup, scheduled or from another screen, is audited: that commit is the cue to look again.
  useEffect(() => api.on('db:changed', ({ tables }) => void (tables.includes('audit') && load())), [api, load]);
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
        if (p.outcome === 'failed' && !ownRun.current) setFailed((shown) => shown ?? `${p.kind === 'scheduled' ? 'The scheduled backup' : 'A backup started from another screen'} did not complete; the station log says why. The station's data is safe.`);
        void load();
      }),
    [api, load],
  );

  async function backUpNow(): Promise<void> {
    setRunning(true);
    setDone(null);
    setFailed(null);
    ownRun.current = true;
    try {
      const result = await api.call('backup:run', {});
      if (result.ok) setDone(`Backed up: ${result.value.fileName} (${formatBytes(result.value.bytes)}) was written and checked.`);
      else setFailed(`The backup did not complete: ${result.error.message}`);
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
      <h2 id="maintenance-backups-title">Database backups</h2>
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
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {busy && (
        <p className="message message-info" role="status" data-testid="backup-running">
          A backup is running. The station keeps working meanwhile: scans are stored as usual.
        </p>
      )}
      {busy && <MaintenanceProgress progress={progress} />}
      <Message kind="success" testId="backup-done">
        {done}
      </Message>
      <Message kind="error" testId="backup-failed">
        {failed}
      </Message>
      {listing && listing.backups.length === 0 && <p data-testid="backups-empty">No backups yet in {listing.dir}.</p>}
      {listing && listing.backups.length > 0 && (
        <table className="maintenance-table" data-testid="backups-table">
          <caption>
            Backups in <code>{listing.dir}</code>, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {listing.backups.map((b) => (
              <tr key={b.fileName} data-testid="backup-row">
                <td>{formatWhen(b.at)}</td>
                <td>{backupKindLabels[b.kind]}</td>
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
