// Remove devices from Windows Autopilot (Partner Center's DELETE): the ticked devices or the whole batch,
// with a reason (required), under approval's two-person rule (shown before anyone tries; a second
// lead's PIN where the rule needs it), optionally moving the boxes to another customer. Then what
// happened to each device.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { CustomerView } from '../../../../shared/contract/customers';
import { BATCH_NAME_MAX } from '../../../../shared/domain/batch';
import { batchNameProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { Dialog } from '../../components/Dialog';
import { canConfirmHere, TwoPersonPanel } from '../../components/TwoPersonPanel';
import { MoveToCustomer, type MoveChoice } from './MoveToCustomer';
import { DeregisterOutcome, type MoveOutcome } from './DeregisterOutcome';
import { counted } from '../../lib/sync-view';
import { useDeregisterPreview } from './use-deregister-preview';
import { moveToCustomer } from './move-to-customer';

export const REASON_MIN = 4;
/** Room left for " moved" (or its translation) after the batch's name, as the English always had. */
const MOVED_NAME_ROOM = BATCH_NAME_MAX - 8;

interface Props {
  batch: BatchSummary;
  /** The ticked devices (id → PKID or serial, for the results), or null for the whole batch. */
  devices: ReadonlyMap<number, string> | null;
  customers: readonly CustomerView[];
  onClose(): void;
}

export function DeregisterDialog({ batch, devices, customers, onClose }: Props): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const { preview, error: previewError, second, setSecond } = useDeregisterPreview(batch.id);
  const [reason, setReason] = useState('');
  const [moving, setMoving] = useState(false);
  const [move, setMove] = useState<MoveChoice>(() => ({ tenantId: '', batchName: t('deregister.movedName', { name: batch.name.slice(0, MOVED_NAME_ROOM) }) }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ value: ChannelOutput<'devices:deregister'>; move: MoveOutcome | null } | null>(null);

  const count = devices ? devices.size : (preview?.registered ?? 0);
  const rule = preview?.twoPersonRule;
  const confirmHere = rule ? canConfirmHere(rule) : false;
  const reasonMissing = reason.trim().length < REASON_MIN;
  const ruleBlocks = rule ? rule.needsSecondPerson && (!confirmHere || second.name === '' || second.pin.length < 6) : true;
  const moveProblem = moving ? (move.tenantId === '' ? t('deregister.chooseCustomer') : batchNameProblemText(move.batchName)) : null;
  const blocked = busy || !preview || count === 0 || reasonMissing || ruleBlocks || moveProblem !== null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (blocked) return;
    setBusy(true);
    setError(null);
    const secondPerson = confirmHere ? second : undefined;
    const res = await api.call('devices:deregister', {
      ...(devices ? { deviceIds: [...devices.keys()] } : { batchId: batch.id }),
      reason: reason.trim(),
      ...(secondPerson ? { secondPerson } : {}),
      ...(moving ? { moveToBatchName: move.batchName.trim() } : {}),
    });
    if (!res.ok) {
      setBusy(false);
      setSecond({ ...second, pin: '' });
      return setError(errorText(res.error));
    }
    const moved = moving && res.value.movedToBatchId !== null ? await moveToCustomer(api, res.value.movedToBatchId, move, secondPerson) : null;
    setBusy(false);
    setResult({ value: res.value, move: moved });
  }

  const title = devices ? t('deregister.titleDevices', counted(devices.size)) : t('deregister.titleBatch', { name: batch.name });
  return (
    <Dialog title={title} testId="deregister-dialog" onClose={onClose} wide>
      {result ? (
        <>
          {/* The form that had focus is gone: Close takes it, so Esc and Enter still work. */}
          <DeregisterOutcome value={result.value} move={result.move} names={devices} />
          <div className="lead-actions">
            <button type="button" className="btn btn-primary" onClick={onClose} data-testid="deregister-close" ref={(el) => el?.focus()}>
              {t('close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} data-testid="deregister-form">
          {!preview && !previewError && <p className="big-text">{t('deregister.checking')}</p>}
          {preview && (
            <p className="big-text" data-testid="deregister-count" data-count={count}>
              {t(devices ? 'deregister.countTicked' : 'deregister.countBatch', { ...counted(count), name: preview.batchName })}
            </p>
          )}
          <div className="field">
            <label htmlFor="deregister-reason">{t('deregister.reason')}</label>
            <textarea id="deregister-reason" value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} aria-describedby="deregister-reason-hint" aria-invalid={reasonMissing} data-autofocus data-testid="deregister-reason" />
            <p id="deregister-reason-hint" className={`field-hint${reasonMissing ? ' field-hint-problem' : ''}`} data-testid="deregister-reason-hint" data-missing={reasonMissing}>
              {reasonMissing ? t('deregister.reasonMissing', counted(REASON_MIN)) : t('deregister.reasonKept')}
            </p>
          </div>
          {rule && <TwoPersonPanel rule={rule} second={second} onSecond={(next) => (setError(null), setSecond(next))} mayLabel={t('deregister.mayRemove')} />}
          <div className="field field-check">
            <input type="checkbox" id="deregister-move" checked={moving} onChange={(e) => setMoving(e.target.checked)} data-testid="deregister-move" />
            <label htmlFor="deregister-move">{t('deregister.move')}</label>
          </div>
          {moving && <MoveToCustomer customers={customers} currentTenantId={batch.customerTenantId} value={move} onChange={setMove} />}
          <Message kind="error" testId="deregister-move-problem">
            {moving && move.tenantId !== '' ? moveProblem : null}
          </Message>
          <Message kind="error" testId="deregister-error">
            {error ?? previewError}
          </Message>
          {busy && (
            <p role="status" data-testid="deregister-busy">
              {t('deregister.busy')}
            </p>
          )}
          <div className="lead-actions">
            <button type="submit" className="btn btn-danger" disabled={blocked} data-testid="deregister-confirm">
              {confirmHere && second.name ? t('deregister.confirmWith', { name: second.name }) : t(moving ? 'deregister.confirmMove' : 'deregister.confirm')}
            </button>
            <button type="button" className="btn" onClick={onClose} data-testid="deregister-cancel">
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
