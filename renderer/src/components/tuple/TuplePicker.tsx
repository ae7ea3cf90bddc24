// "This box has no PKID": the serial waiting on the Scan page is recorded with the manufacturer and
// model chosen here. Keyboard only: type to filter, arrows, Enter to choose, Enter on "Record box",
// Esc to cancel. The wedge keeps working: ScanView hands a scanned model barcode in as scannedModel.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import { TupleFields } from './TupleFields';

export interface TupleChoice {
  readonly manufacturer: string;
  readonly model: string;
}

interface Props {
  serial: string;
  /** From the serial's pattern (Dell, HP and Lenovo serials name their maker); '' when unknown. */
  initialManufacturer: string;
  /** A model barcode read while the picker is open; seq tells a second read of the same code apart. */
  scannedModel: { readonly seq: number; readonly value: string } | null;
  onConfirm(choice: TupleChoice): void;
  onCancel(): void;
}

export function TuplePicker({ serial, initialManufacturer, scannedModel, onConfirm, onCancel }: Props): ReactNode {
  const { t } = useTranslation('tuple');
  const [manufacturer, setManufacturer] = useState(initialManufacturer);
  const [model, setModel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const manufacturerRef = useRef<HTMLInputElement>(null);
  const modelRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // A known maker is usually right: start at the model, one Shift+Tab from changing it.
    (initialManufacturer === '' ? manufacturerRef : modelRef).current?.focus({ preventScroll: true });
  }, [initialManufacturer]);

  useEffect(() => {
    if (scannedModel === null) return;
    setModel(scannedModel.value);
    setProblem(null);
    confirmRef.current?.focus({ preventScroll: true });
  }, [scannedModel]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const noMake = manufacturer.trim() === '';
    const noModel = model.trim() === '';
    if (noMake || noModel) {
      setProblem(t(noMake && noModel ? 'missing.both' : noMake ? 'missing.manufacturer' : 'missing.model'));
      (manufacturer.trim() === '' ? manufacturerRef : modelRef).current?.focus();
      return;
    }
    onConfirm({ manufacturer: manufacturer.trim(), model: model.trim() });
  }

  // Esc cancels wherever focus is (a click elsewhere must not strand the operator in the picker).
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      cancel.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    // Over the scan page, not below it: the lists must be on screen whatever the window's height.
    <div className="tuple-backdrop">
      <section className="tuple-picker" role="dialog" aria-modal="true" aria-labelledby="tuple-picker-title" onKeyDown={keepTabInside} data-testid="tuple-picker">
        <h2 id="tuple-picker-title">
          <Trans t={t} i18nKey="title" values={{ serial }} components={{ serial: <strong data-testid="tuple-serial" /> }} />
        </h2>
        <form onSubmit={submit} noValidate>
          <TupleFields
            idPrefix="tuple"
            manufacturer={manufacturer}
            model={model}
            onManufacturer={(value) => {
              setManufacturer(value);
              setProblem(null);
            }}
            onModel={(value) => {
              setModel(value);
              setProblem(null);
            }}
            onDone={() => confirmRef.current?.focus()}
            manufacturerRef={manufacturerRef}
            modelRef={modelRef}
          />
          {problem !== null && (
            <p className="tuple-problem" role="alert" data-testid="tuple-problem">
              {problem}
            </p>
          )}
          <div className="tuple-actions">
            <button type="submit" ref={confirmRef} className="btn btn-primary tuple-confirm" data-testid="tuple-confirm">
              {t('record')} <kbd>{t('key.enter', { ns: 'scan' })}</kbd>
            </button>
            <button type="button" className="btn tuple-cancel" onClick={onCancel} data-testid="tuple-cancel">
              {t('cancel')} <kbd>{t('key.esc', { ns: 'scan' })}</kbd>
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled)';

/** Tab and Shift+Tab go round the picker's fields and buttons, never to the page behind it. */
function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  // Every element, then filtered: document order, which a selector list does not promise everywhere (jsdom).
  const all = [...event.currentTarget.querySelectorAll<HTMLElement>('*')].filter((el) => el.matches(FOCUSABLE));
  const at = all.findIndex((el) => el === document.activeElement);
  const last = all.length - 1;
  if (at === -1 || (event.shiftKey && at === 0) || (!event.shiftKey && at === last)) {
    event.preventDefault();
    all[event.shiftKey ? last : 0]?.focus();
  }
}
