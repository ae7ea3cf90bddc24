// One burst on the scanner test page: was it a scan, and why (not); its timing, its suffix, how the
// text was read and what the classifier makes of it.
import { plural } from '../../../../shared/domain/words';
import type { ReactNode } from 'react';
import { displayRaw } from '../../../../shared/domain/barcode';
import type { WedgeBurst } from '../../scanner/wedge-detector';
import type { WedgeSettings } from '../../scanner/wedge-settings';
import { classificationOf, ms, readingOf, TERMINATOR_LABELS } from './burst-view';
import { GapChart } from './GapChart';

export function BurstCard({ burst, settings }: { burst: WedgeBurst; settings: WedgeSettings }): ReactNode {
  return (
    <li className={burst.accepted ? 'burst burst-accepted' : 'burst burst-rejected'} data-testid="burst" data-accepted={burst.accepted}>
      <div className="burst-head">
        <span className="burst-verdict">{burst.accepted ? '✔ Scan' : '✖ Not a scan'}</span>
        <code className="burst-text" data-testid="burst-text">
          {displayRaw(burst.text, 60) || '(no characters)'}
        </code>
      </div>
      {!burst.accepted && burst.rejectReason !== undefined && (
        <p className="burst-reason" data-testid="burst-reason">
          Why: {burst.rejectReason}
        </p>
      )}
      <GapChart gaps={burst.gaps} maxGapMs={settings.maxGapMs} maxMeanGapMs={settings.maxMeanGapMs} />
      <dl className="burst-facts">
        <dt>Keys</dt>
        <dd>{plural([...burst.text].length, 'character')}</dd>
        <dt>Mean gap</dt>
        <dd data-testid="burst-mean">{ms(burst.meanGap)}</dd>
        <dt>Longest gap</dt>
        <dd data-testid="burst-max">{ms(burst.maxGap)}</dd>
        <dt>Ended by</dt>
        <dd data-testid="burst-terminator">{TERMINATOR_LABELS[burst.terminator]}</dd>
        <dt>Reading</dt>
        <dd data-testid="burst-reading">{readingOf(burst)}</dd>
        <dt>Classifier</dt>
        <dd data-testid="burst-classified">{classificationOf(burst.text)}</dd>
      </dl>
    </li>
  );
}
