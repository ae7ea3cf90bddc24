// The amber words under a recent scan the hub gave to another dock: where the box was first scanned
// (the station's local time) and what to do with it.
import type { ReactNode } from 'react';
import type { LineFlagView } from '../../../../shared/contract/fleet-desk';
import { useTranslation } from '../../i18n';
import { formatDateTime, formatTime } from '../../i18n/format';
import './fleet-flags.css';

export function FleetFlagNote({ flag }: { flag: LineFlagView | undefined }): ReactNode {
  const { t } = useTranslation('fleet');
  if (!flag) return null;
  const today = new Date(flag.scannedAt).toDateString() === new Date().toDateString();
  return (
    <span className="recent-elsewhere-note" data-testid="recent-elsewhere">
      {t('scanFlag', { station: flag.stationName, batch: flag.batchName, who: flag.operatorName, time: today ? formatTime(flag.scannedAt) : formatDateTime(flag.scannedAt) })}
    </span>
  );
}
