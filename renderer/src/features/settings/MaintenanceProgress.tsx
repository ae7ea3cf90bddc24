// How far a running backup has copied, from the `backup:progress` events: a thick bar and the
// percentage in words. Before the first event (the click was just made, or the screen opened while the
// schedule's backup ran) the bar is shown without a value: working, amount not known yet.
import type { ReactNode } from 'react';
import type { BackupProgressEvent } from '../../../../shared/contract/backup';
import { useTranslation } from '../../i18n';
import { backupPercent, backupProgressLabel } from './maintenance-format';

export function MaintenanceProgress({ progress }: { progress: BackupProgressEvent | null }): ReactNode {
  const { t } = useTranslation('settings');
  const pct = progress ? backupPercent(progress.copiedPages, progress.totalPages) : null;
  const label = progress ? backupProgressLabel(progress.kind) : t('backupProgress.any');
  // Not a live region: five updates a second would drown a screen reader; the status line above says "running".
  return (
    <div className="backup-progress" data-testid="backup-progress" data-percent={pct ?? ''}>
      <div
        className="backup-progress-track"
        role="progressbar"
        aria-label={t('backupProgress.bar', { label })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? t('backupProgress.startingValue') : t('backupProgress.percentValue', { pct })}
      >
        <div className={pct === null ? 'backup-progress-fill backup-progress-unknown' : 'backup-progress-fill'} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <span className="backup-progress-text" data-testid="backup-percent">
        {pct === null ? t('backupProgress.starting', { label }) : t('backupProgress.copied', { label, pct })}
      </span>
    </div>
  );
}
