// "Where is this box?" at the other docks: the copy of their identities as of the last pull answers
// with the dock, batch, who and when (local time), under what this station found.
import { useEffect, useState, type ReactNode } from 'react';
import type { BoxElsewhere } from '../../../../shared/contract/fleet-desk';
import { useTranslation } from '../../i18n';
import { useApi } from '../../store/provider';
import { fleetWhen } from './fleet-when';

export function FleetFindResults({ query }: { query: string }): ReactNode {
  const { t } = useTranslation('fleet');
  const api = useApi();
  const [found, setFound] = useState<{ query: string; matches: BoxElsewhere[]; truncated: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('fleet:findBox', { query }).then((result) => {
      // Off a fleet (or on failure) the station's own answer above stands alone.
      if (live) setFound(result.ok ? { query, ...result.value } : null);
    });
    return () => {
      live = false;
    };
  }, [api, query]);

  if (found?.query !== query || found.matches.length === 0) return null;
  return (
    <div className="find-fleet" data-testid="find-fleet" data-count={found.matches.length}>
      <h3>{t('findTitle')}</h3>
      <ul>
        {found.matches.map((m) => (
          <li key={`${m.stationName}\u0000${m.batchName}\u0000${m.pkid ?? m.serial ?? ''}`} data-testid={`find-fleet-${m.pkid ?? m.serial ?? ''}`}>
            <code>{m.pkid ?? m.serial}</code> {t('findMatch', { station: m.stationName, batch: m.batchName, who: m.operatorName, time: fleetWhen(m.scannedAt) })}
          </li>
        ))}
      </ul>
      {found.truncated && <p className="hint">{t('findTruncated')}</p>}
    </div>
  );
}
