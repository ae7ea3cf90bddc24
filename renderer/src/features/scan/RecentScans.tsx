// The last 20 reads of this session, refused ones included, newest first (older boxes of the batch
// come from scans:recent when the view opens).
import { memo, type ReactNode } from 'react';
import type { LineFlagView } from '../../../../shared/contract/fleet-desk';
import type { TFunction } from 'i18next';
import { IdentityBadge } from '../../components/IdentityBadge';
import { useTranslation } from '../../i18n';
import { formatTime } from '../../i18n/format';
import type { ScanEntry } from './scan-entries';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';
import { FleetFlagNote } from './FleetFlagNote';
import { useFleetFlags } from './use-fleet-flags';

function what(entry: ScanEntry, t: TFunction<'scan'>): string {
  if (entry.pkid !== null && entry.serial !== null) return t('recent.pkidSerial', { pkid: entry.pkid, serial: entry.serial });
  if (entry.pkid !== null) return t('recent.pkid', { pkid: entry.pkid });
  if (entry.serial !== null) return t('recent.serial', { serial: entry.serial });
  return entry.value;
}

/** A plain new box says nothing its PKID does not, nor a tuple box more than its badge; every other line keeps the core's words. */
const showMessage = (entry: ScanEntry): boolean => !(entry.kind === 'accepted' && (entry.message.startsWith('PKID ') || entry.identity?.kind === 'tuple'));

interface RowProps {
  readonly entry: ScanEntry;
  readonly flag: LineFlagView | undefined;
  /** A new t comes with a new language, so every line is said again in it. */
  readonly t: TFunction<'scan'>;
}

/**
 * One line, rendered again only when its entry, flag or language changes: entries are immutable, so a
 * new scan renders its own line and leaves the other nineteen (and their time formatting) alone, which
 * keeps the list off the verdict's path.
 */
const RecentScanRow = memo(function RecentScanRow({ entry, flag, t }: RowProps): ReactNode {
  return (
    <li
      className={`recent-item recent-${entry.kind}${entry.undone || entry.dropped ? ' recent-undone' : ''}${flag ? ' recent-elsewhere' : ''}`}
      data-testid="recent-scan"
      data-verdict={entry.kind}
      data-undone={entry.undone}
      data-dropped={entry.dropped === true}
      data-elsewhere={flag !== undefined}
      data-pkid={entry.pkid ?? undefined}
      data-serial={entry.serial ?? undefined}
    >
      <span className="recent-kind">{entry.dropped ? t('verdict.dropped') : entry.undone ? t('verdict.undo') : t(`kind.${entry.kind}`)}</span>
      <span className="recent-what">{what(entry, t)}</span>
      {entry.identity !== null && !entry.undone && (
        <span className="recent-identity">
          <IdentityBadge identity={entry.identity} showLabel={entry.identity.kind !== 'pkid'} />
        </span>
      )}
      {showMessage(entry) && <span className="recent-message">{entry.message}</span>}
      <FleetFlagNote flag={flag} />
      <span className="recent-meta">
        {formatTime(entry.at, true)}
        {entry.source === 'camera' ? t('recent.byCamera') : entry.source === 'manual' ? t('recent.typed') : ''}
      </span>
    </li>
  );
});

export function RecentScans({ store }: { store: ScanStore }): ReactNode {
  const { t } = useTranslation('scan');
  const entries = useScan(store, (s) => s.entries);
  const flags = useFleetFlags(entries.flatMap((e) => (e.kind === 'accepted' && !e.undone && e.deviceId !== null ? [e.deviceId] : [])));
  const flagOf = (entry: ScanEntry) => (entry.deviceId !== null && !entry.undone ? flags.get(entry.deviceId) : undefined);
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      {entries.length === 0 ? (
        <p className="hint" data-testid="recent-empty">
          {t('recent.empty')}
        </p>
      ) : (
        <ol className="recent-list" data-testid="recent-scans">
          {entries.map((entry) => (
            <RecentScanRow key={entry.key} entry={entry} flag={flagOf(entry)} t={t} />
          ))}
        </ol>
      )}
    </section>
  );
}
