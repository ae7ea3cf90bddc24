// Step two of the Scan page: scanning into one batch. Wedge scans (routed here by ScanPage) and
// confirmed camera reads go into the scan store's queue; the keys of scan-keys.ts drive everything else.
// While the tuple picker is open a wedge read is its model barcode, unless it is a PKID: then the box
// has one after all, the picker closes and the read is recorded as usual.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { cameraReadAction, classifyRead } from '../../../../shared/domain/barcode';
import type { CameraRead } from '../../scanner/camera-reader';
import type { FeedbackSounds } from '../../scanner/feedback-sounds';
import { useTranslation } from '../../i18n';
import { TuplePicker, type TupleChoice } from '../../components/tuple/TuplePicker';
import { CameraPanel } from './CameraPanel';
import { CloseBatchDialog } from './CloseBatchDialog';
import { RecentScans } from './RecentScans';
import { ScanActions } from './ScanActions';
import type { WedgeHandlers } from './wedge-handlers';
import { ManualEntry } from './ManualEntry';
import { ScanHeader } from './ScanHeader';
import type { ScanKeyAction } from './scan-keys';
import type { ScanRead, WaitingBox } from './scan-store';
import { useScan, useScanStoreFor } from './use-scan-store';
import { useScanKeys } from './use-scan-keys';
import { VerdictBanner } from './VerdictBanner';
import { WaitingSerial } from './WaitingSerial';

/** A longer pause between a person's keys starts a new attempt. */
const TYPING_PAUSE_MS = 2000;

interface ScanViewProps {
  batch: BatchSummary;
  sounds: FeedbackSounds;
  onLeave: (notice: string | null) => void;
  onWedgeHandler: (handlers: WedgeHandlers | null) => void;
}

export function ScanView({ batch, sounds, onLeave, onWedgeHandler }: ScanViewProps): ReactNode {
  const { t } = useTranslation('scan');
  const store = useScanStoreFor(batch, (sound) => sounds.play(sound));
  const confirmPending = useScan(store, (s) => s.confirm !== null);
  const [cameraOn, setCameraOn] = useState(false);
  const [closing, setClosing] = useState(false);
  const [ignored, setIgnored] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  // The picker belongs to one waiting serial: when another replaces it (or none waits any more), the
  // picker is gone rather than recording the choice for a box it was not opened for.
  const [pickingFor, setPickingFor] = useState<WaitingBox | null>(null);
  const [scannedModel, setScannedModel] = useState<{ seq: number; value: string } | null>(null);
  const waitingBox = useScan(store, (s) => s.waitingBox);
  const picking = pickingFor !== null && pickingFor === waitingBox ? pickingFor : null;
  const pickerOpen = picking !== null;
  const pickerRef = useRef(false);
  useEffect(() => {
    pickerRef.current = pickerOpen;
  }, [pickerOpen]);
  const root = useRef<HTMLDivElement>(null);

  const closePicker = useCallback(() => {
    setPickingFor(null);
    setScannedModel(null);
    root.current?.focus({ preventScroll: true });
  }, []);
  // Closed because its serial was replaced: focus goes back to the view, where the scan keys work.
  useEffect(() => {
    if (!pickerOpen && pickingFor !== null) closePicker();
  }, [pickerOpen, pickingFor, closePicker]);

  /** Every read, wedge or camera, comes through here. */
  const onRead = useCallback(
    (read: ScanRead) => {
      if (pickerRef.current) {
        const kind = classifyRead({ raw: read.raw, symbology: read.symbology }).kind;
        if (kind !== 'pkid' && kind !== 'pkid-unconfirmed') {
          setScannedModel((last) => ({ seq: (last?.seq ?? 0) + 1, value: read.raw.trim() }));
          return;
        }
        closePicker();
      }
      store.getState().submit(read);
    },
    [store, closePicker],
  );

  // When the last typed character reached the page; a scan's own first keys do not count (see use-scan-keys).
  const lastCharAt = useRef(-Infinity);
  const manualInput = useRef<HTMLInputElement>(null);
  const [typedHint, setTypedHint] = useState<string | null>(null);
  const [manualText, setManualText] = useState('');
  // A person's keys arrive as many short bursts (each ends in silence): joined while they keep coming.
  const typing = useRef({ text: '', lastEnd: -Infinity });
  useEffect(() => {
    onWedgeHandler({
      scan: (burst) => {
        lastCharAt.current = -Infinity;
        onRead({ raw: burst.text, source: 'wedge', ...(burst.layoutMismatch ? { layoutMismatch: true, ...(burst.usReading ? { usReading: burst.usReading } : {}) } : {}) });
      },
      // Someone typed digits slowly where a scan goes: say it was not recorded and where typing is taken.
      human: (burst) => {
        if (document.activeElement === manualInput.current) return;
        const joined = burst.startTime - typing.current.lastEnd < TYPING_PAUSE_MS ? typing.current.text + burst.text : burst.text;
        typing.current = { text: joined.slice(-64), lastEnd: burst.endTime };
        const digits = typing.current.text.trim();
        const kind = classifyRead({ raw: digits }).kind;
        if (kind === 'pkid' || kind === 'pkid-unconfirmed') {
          typing.current = { text: '', lastEnd: -Infinity };
          setManualText(digits);
          // Put in the field, not sent: the Enter that ended the typing must not record it unchecked.
          setTypedHint(t('manual.typedHint', { digits }));
        }
      },
    });
    return () => onWedgeHandler(null);
  }, [onRead, onWedgeHandler, t]);
  const onTyped = useCallback(
    (text: string) => {
      setTypedHint(null);
      onRead({ raw: text, source: 'manual' });
    },
    [onRead],
  );
  useEffect(() => root.current?.focus({ preventScroll: true }), []);

  const onCameraRead = useCallback(
    (read: CameraRead) => {
      if (read.decision !== 'accepted') return;
      const action = cameraReadAction(read);
      if (action.action === 'ignore') setIgnored(action.reason);
      else onRead({ raw: action.raw, source: 'camera', symbology: action.symbology });
    },
    [onRead],
  );

  /** Leaving (switch or close) must not lose a queued scan or an unanswered PKID question. */
  const canLeave = useCallback((): boolean => {
    const state = store.getState();
    if (state.confirm !== null) setBlocked(t('blocked.answerFirst'));
    else if (state.queued > 0) setBlocked(t('blocked.stillRecording', { count: state.queued }));
    else return true;
    return false;
  }, [store, t]);

  const act = useCallback(
    (action: ScanKeyAction) => {
      setBlocked(null);
      const state = store.getState();
      if (action === 'undo') state.undo();
      else if (action === 'keep') state.keepPkid();
      else if (action === 'drop') state.dropPkid();
      else if (action === 'camera') setCameraOn((on) => !on);
      else if (action === 'switch' && canLeave()) onLeave(null);
      else if (action === 'close' && canLeave()) setClosing(true);
      else if (action === 'tuple') {
        if (state.confirm !== null) setBlocked(t('blocked.answerFirst'));
        else if (state.waitingBox === null) setBlocked(t('blocked.serialFirst'));
        else setPickingFor(state.waitingBox);
      }
    },
    [store, canLeave, onLeave, t],
  );
  useScanKeys(!closing && !pickerOpen, confirmPending, act, lastCharAt);

  const recordTuple = useCallback(
    (choice: TupleChoice) => {
      store.getState().submitTuple(choice);
      closePicker();
    },
    [store, closePicker],
  );

  const closeDone = useCallback(
    (notice: string | null) => {
      setClosing(false);
      if (notice !== null) onLeave(notice);
      else root.current?.focus({ preventScroll: true });
    },
    [onLeave],
  );

  return (
    <div className="scan-view" ref={root} tabIndex={-1} data-testid="scan-view" aria-label={t('header.intoNamed', { name: batch.name })}>
      <ScanHeader store={store} />
      {blocked !== null && (
        <p className="message message-error" role="alert" data-testid="scan-blocked">
          {blocked}
        </p>
      )}
      <VerdictBanner store={store} onAction={act} />
      <WaitingSerial store={store} picking={pickerOpen} onNoPkid={() => act('tuple')} />
      {picking !== null && <TuplePicker serial={picking.serial} initialManufacturer={picking.manufacturer ?? ''} scannedModel={scannedModel} onConfirm={recordTuple} onCancel={closePicker} />}
      <div className={cameraOn ? 'scan-body scan-body-camera' : 'scan-body'}>
        <div className="scan-main">
          <RecentScans store={store} />
          <ManualEntry ref={manualInput} text={manualText} onText={setManualText} onSubmit={onTyped} hint={typedHint} />
        </div>
        <aside className="scan-side">
          {cameraOn && <CameraPanel onRead={onCameraRead} ignored={ignored} />}
          <ScanActions store={store} cameraOn={cameraOn} onAction={act} />
        </aside>
      </div>
      {closing && <CloseBatchDialog batch={batch} store={store} onDone={closeDone} />}
    </div>
  );
}
