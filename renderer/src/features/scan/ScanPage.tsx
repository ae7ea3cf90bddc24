// The Scan page: choose or start a batch, then scan into it. The wedge listener lives here (and
// only here): at the picker a scan that did not go into the name field is answered "choose a batch
// first"; in the scanning view it is recorded.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { useTranslation } from '../../i18n';
import type { WedgeBurst } from '../../scanner/wedge-detector';
import type { ScanContext } from '../../scanner/wedge-listener';
import { BatchPicker } from './BatchPicker';
import { ScanView } from './ScanView';
import { useFeedbackSounds } from './use-feedback-sounds';
import { useWedgeScans } from './use-wedge-scans';
import { useWedgeSettings } from './use-wedge-settings';
import './scan.css';

export type WedgeScanHandler = (burst: WedgeBurst, context: ScanContext) => void;
/** The scanning view's handlers: scans, and bursts the detector took for a person's typing. */
export interface WedgeHandlers {
  readonly scan: WedgeScanHandler;
  readonly human: (burst: WedgeBurst) => void;
}

export function ScanPage(): ReactNode {
  const { t } = useTranslation('scan');
  const [batch, setBatch] = useState<BatchSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handler = useRef<WedgeHandlers | null>(null);
  const { settings, profiles, problem } = useWedgeSettings();
  const sounds = useFeedbackSounds();

  useWedgeScans(settings, {
    onScan: (burst, context) => {
      if (handler.current !== null) return handler.current.scan(burst, context);
      // At the picker: a scan into the batch-name field is the name; anything else is answered.
      if (context.optedIn) return;
      sounds.play('invalid');
      setNotice(t('picker.scanFirst'));
    },
    onBurst: (burst) => {
      if (!burst.accepted) handler.current?.human(burst);
    },
  }, profiles);

  const open = useCallback((chosen: BatchSummary) => {
    setNotice(null);
    setBatch(chosen);
  }, []);
  const leave = useCallback((message: string | null) => {
    setNotice(message);
    setBatch(null);
  }, []);
  const register = useCallback((handlers: WedgeHandlers | null) => {
    handler.current = handlers;
  }, []);

  // data-known-scanners: learned scanners arrive after the page does; until then scans are read without them.
  return (
    <section className="scan-page" data-testid="scan-page" data-known-scanners={profiles.length}>
      {problem !== null && (
        <p className="message message-error" role="alert" data-testid="scanner-settings-problem">
          {problem}
        </p>
      )}
      {batch === null ? (
        <BatchPicker onOpen={open} notice={notice} />
      ) : (
        <ScanView key={batch.id} batch={batch} sounds={sounds} onLeave={leave} onWedgeHandler={register} />
      )}
    </section>
  );
}
