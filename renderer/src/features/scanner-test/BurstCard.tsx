// One burst on the scanner test page: was it a scan, and why (not); its timing, its suffix, how the
// text was read and what the classifier makes of it.
import type { ReactNode } from 'react';
import { displayRaw } from '../../../../shared/domain/barcode';
import { useTranslation } from '../../i18n';
import { rejectionText } from '../../i18n/wedge-text';
import type { WedgeBurst } from '../../scanner/wedge-detector';
import type { WedgeSettings } from '../../scanner/wedge-settings';
import { classificationOf, ms, readingOf, terminatorLabel } from './burst-view';
import { GapChart } from './GapChart';

export function BurstCard({ burst, settings }: { burst: WedgeBurst; settings: WedgeSettings }): ReactNode {
  const { t } = useTranslation('scannerTest');
  return (
    <li className={burst.accepted ? 'burst burst-accepted' : 'burst burst-rejected'} data-testid="burst" data-accepted={burst.accepted}>
      <div className="burst-head">
        <span className="burst-verdict">{burst.accepted ? t('burst.scan') : t('burst.notScan')}</span>
        <code className="burst-text" data-testid="burst-text">
          {displayRaw(burst.text, 60) || t('burst.empty')}
        </code>
      </div>
      {!burst.accepted && burst.rejection !== undefined && (
        <p className="burst-reason" data-testid="burst-reason">
          {t('burst.why', { reason: rejectionText(burst.rejection) })}
        </p>
      )}
      <GapChart gaps={burst.gaps} maxGapMs={settings.maxGapMs} maxMeanGapMs={settings.maxMeanGapMs} />
      <dl className="burst-facts">
        <dt>{t('burst.keys')}</dt>
        <dd>{t('burst.characters', { count: [...burst.text].length })}</dd>
        <dt>{t('burst.meanGap')}</dt>
        <dd data-testid="burst-mean">{ms(burst.meanGap)}</dd>
        <dt>{t('burst.longestGap')}</dt>
        <dd data-testid="burst-max">{ms(burst.maxGap)}</dd>
        <dt>{t('burst.endedBy')}</dt>
        <dd data-testid="burst-terminator">{terminatorLabel(burst.terminator)}</dd>
        <dt>{t('burst.reading')}</dt>
        <dd data-testid="burst-reading">{readingOf(burst)}</dd>
        <dt>{t('burst.classifier')}</dt>
        <dd data-testid="burst-classified">{classificationOf(burst.text)}</dd>
      </dl>
    </li>
  );
}
