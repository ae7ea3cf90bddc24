// Settings > Scanner test: scan (or type) here and see how the station judges each burst of keys:
// the gaps between keys against the thresholds, the suffix, how the text was read (layout damage
// undone from the physical keys) and what the classifier makes of it. Nothing is recorded. Admins
// can change the thresholds.
import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../../store/provider';
import type { WedgeBurst } from '../../scanner/wedge-detector';
import { useWedgeScans } from '../../scanner/use-wedge-scans';
import { useWedgeSettings } from '../../scanner/use-wedge-settings';
import { BurstCard } from './BurstCard';
import { ThresholdForm } from './ThresholdForm';
import { coalesceBurst } from './burst-view';
import { LearnScanner } from './LearnScanner';
import { LABEL_DIGITS } from '../../../../shared/domain/wedge/test-label';

/** A burst that holds the test label: its digit run by physical keys, whatever the layout typed. */
const isLabelRead = (b: WedgeBurst): boolean => b.keys.length >= 40 && b.keys.map((k) => /^(?:Digit|Numpad)(\d)$/.exec(k.code)?.[1] ?? '.').join('').includes(LABEL_DIGITS);
import './scanner-test.css';

export const BURSTS_SHOWN = 8;

export function ScannerTestPage(): ReactNode {
  const { t } = useTranslation('scannerTest');
  const canEdit = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'settings:manage') : false));
  const { settings, profiles, station, problem, reload } = useWedgeSettings();
  const [bursts, setBursts] = useState<readonly { id: number; burst: WedgeBurst }[]>([]);
  const [labelReads, setLabelReads] = useState<readonly WedgeBurst[]>([]);

  useWedgeScans(
    settings,
    {
      onScan: () => undefined,
      onBurst: (burst) => {
        setBursts((list) => {
          const joined = coalesceBurst(list[0]?.burst, burst);
          if (joined !== null && list[0]) return [{ id: list[0].id, burst: joined }, ...list.slice(1)];
          return [{ id: (list[0]?.id ?? 0) + 1, burst }, ...list].slice(0, BURSTS_SHOWN);
        });
        if (isLabelRead(burst)) setLabelReads((list) => [...list, burst].slice(-5));
      },
    },
    profiles,
  );

  return (
    <section className="scanner-test" data-testid="scanner-test">
      <h2>{t('title')}</h2>
      <p className="hint">
        {t('intro')}
      </p>
      {problem !== null && (
        <p className="message message-error" role="alert">
          {problem}
        </p>
      )}
      <p className="scanner-test-settings" data-testid="scanner-test-settings">
        {t('now', { count: settings.minLength, mean: settings.maxMeanGapMs, max: settings.maxGapMs, silence: settings.silenceMs })}
      </p>
      {bursts.length === 0 ? (
        <p className="scanner-test-empty" data-testid="bursts-empty">
          {t('waiting')}
        </p>
      ) : (
        <ol className="burst-list" data-testid="bursts">
          {bursts.map(({ id, burst }) => (
            <BurstCard key={id} burst={burst} settings={settings} />
          ))}
        </ol>
      )}
      <LearnScanner reads={labelReads} canEdit={canEdit} profiles={profiles} onClear={() => setLabelReads([])} />
      {canEdit && station !== null && <ThresholdForm station={station} onSaved={() => void reload()} />}
    </section>
  );
}
