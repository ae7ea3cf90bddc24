// The Scan page: choose or start a batch, then scan into it. The wedge listener lives here (and
// only here): at the picker a scan that did not go into the name field is answered "choose a batch
// first"; in the scanning view it is recorded.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { useTranslation } from '../../i18n';
import { BatchPicker } from './BatchPicker';
import { ScanView } from './ScanView';
import { useFeedbackSounds } from './use-feedback-sounds';
import { useWedgeScans } from '../../scanner/use-wedge-scans';
import { useWedgeSettings } from '../../scanner/use-wedge-settings';
import type { WedgeHandlers } from './wedge-handlers';
import './scan.css';

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
