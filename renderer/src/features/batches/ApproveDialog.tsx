// Approve a closed batch: first what would be sent (device count, same-serial duplicates, lines
// missing against the expected list), then the customer, the two-person rule, and Approve, which
// queues the upload.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApprovalPreview } from '../../../../shared/contract/approval';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { CustomerPicker } from './CustomerPicker';
import { Dialog } from './Dialog';
import { formatCount, formatWhen, plural } from './format';
import { canConfirmHere, TwoPersonPanel, type SecondPerson } from './TwoPersonPanel';

interface Props {
  batch: BatchSummary;
  onDone(notice: string | null): void;
}

const LISTED = 8;

export function ApproveDialog({ batch, onDone }: Props): ReactNode {
  const api = useApi();
  const [tenant, setTenant] = useState<string | null>(batch.customerTenantId);
  const [preview, setPreview] = useState<ApprovalPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [second, setSecond] = useState<SecondPerson>({ name: '', pin: '' });

  useEffect(() => {
    let live = true;
    void api.call('approval:preview', { batchId: batch.id, customerTenantId: tenant ?? undefined }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setPreview(result.value);
        const first = result.value.twoPersonRule.eligible[0]?.name ?? '';
        setSecond((s) => (result.value.twoPersonRule.eligible.some((e) => e.name === s.name) ? s : { name: first, pin: '' }));
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, batch.id, tenant]);

  async function approve(): Promise<void> {
    if (!tenant) return;
    setBusy(true);
    const withSecond = preview && canConfirmHere(preview.twoPersonRule);
    const result = await api.call('approval:approve', { batchId: batch.id, customerTenantId: tenant, ...(withSecond ? { secondPerson: second } : {}) });
    setBusy(false);
    if (!result.ok) {
      setSecond((s) => ({ ...s, pin: '' }));
      return setError(result.error.message);
    }
    const confirmed = result.value.confirmedBy ? `, confirmed by ${result.value.confirmedBy}` : '';
    onDone(`Batch ${result.value.batch.name} is approved for ${result.value.customerName}${confirmed}: its upload has started (see the Upload page).`);
  }

  const p = preview;
  // The two-person line is shown by its own panel; it blocks only when nobody can confirm here.
  const confirmHere = p ? canConfirmHere(p.twoPersonRule) : false;
  const others = p?.blockers.filter((b) => b !== p.twoPersonRule.explanation) ?? [];
  const blockers = others.filter((b) => b !== 'Choose the customer.');
  const secondMissing = confirmHere && (second.name === '' || second.pin.length < 6);
  const blocked = !p || others.length > 0 || (p.twoPersonRule.needsSecondPerson && !confirmHere) || secondMissing;
  const duplicates = p?.sameSerial ?? [];
  return (
    <Dialog title={`Approve batch ${batch.name}`} testId="approve-dialog" onClose={() => onDone(null)} wide>
      {!p && !error && <p className="big-text">Checking the batch…</p>}
      {p && (
        <>
          <ul className="approve-checks">
            <li className="approve-check" data-testid="approve-count" data-count={p.deviceCount}>
              <strong>{formatCount(p.deviceCount)}</strong> {p.deviceCount === 1 ? 'device' : 'devices'} will be registered
            </li>
            <li className={`approve-check${duplicates.length ? ' approve-warn' : ''}`} data-testid="approve-duplicates" data-count={duplicates.length}>
              {duplicates.length === 0 ? 'No serial appears twice' : `${plural(duplicates.length, 'serial')} on more than one line`}
              {duplicates.length > 0 && (
                <ul className="approve-list">
                  {duplicates.slice(0, LISTED).map((d) => (
                    <li key={d.serial}>
                      <code>{d.serial}</code> on {plural(d.deviceIds.length, 'line')} ({d.batchNames.join(', ')})
                    </li>
                  ))}
                </ul>
              )}
            </li>
            <li className={`approve-check${p.noIdentity.count ? ' approve-warn' : ''}`} data-testid="approve-identity" data-count={p.noIdentity.count}>
              {p.noIdentity.count === 0 ? 'Every device has a PKID, a hardware hash or a serial + manufacturer + model' : `${plural(p.noIdentity.count, 'device')} Partner Center cannot identify: fix or remove them first`}
              {p.noIdentity.count > 0 && (
                <ul className="approve-list">
                  {p.noIdentity.devices.slice(0, LISTED).map((d) => (
                    <li key={d.deviceId}>{d.problem}</li>
                  ))}
                  {p.noIdentity.count > LISTED && <li>… and {formatCount(p.noIdentity.count - LISTED)} more</li>}
                </ul>
              )}
            </li>
            <li className={`approve-check${p.expected.missing ? ' approve-warn' : ''}`} data-testid="approve-missing" data-count={p.expected.missing}>
              {p.expected.expected === 0
                ? 'No expected list imported for this batch'
                : p.expected.missing === 0
                  ? `All ${formatCount(p.expected.expected)} expected lines were scanned`
                  : `${plural(p.expected.missing, 'expected line')} not scanned (of ${formatCount(p.expected.expected)}): approving sends only what was scanned`}
              {p.expected.missing > 0 && (
                <ul className="approve-list">
                  {p.expected.missingLines.slice(0, LISTED).map((l) => (
                    <li key={l.id}>
                      line {l.line}: <code>{l.pkid ?? l.serial ?? '?'}</code>
                    </li>
                  ))}
                  {p.expected.missing > LISTED && <li>… and {formatCount(p.expected.missing - LISTED)} more</li>}
                </ul>
              )}
            </li>
            {p.expected.expected > 0 && <UnexpectedCheck expected={p.expected} />}
          </ul>
          <CustomerPicker
            chosen={tenant}
            onChoose={(t) => {
              setError(null);
              setTenant(t);
            }}
          />
          <TwoPersonPanel
            rule={p.twoPersonRule}
            second={second}
            onSecond={(next) => {
              setError(null);
              setSecond(next);
            }}
          />
          {blockers.map((b) => (
            <p key={b} className="message message-error" data-testid="approve-blocker">
              {b}
            </p>
          ))}
          {p.customer && (
            <p className="big-text approve-summary" data-testid="approve-summary">
              Register {plural(p.deviceCount, 'device')} for <strong>{p.customer.companyName}</strong>
              {p.customer.domain ? ` (${p.customer.domain})` : ''}.
            </p>
          )}
        </>
      )}
      <Message kind="error" testId="approve-error">
        {error}
      </Message>
      <div className="lead-actions">
        <button type="button" className="btn btn-primary" disabled={busy || !tenant || blocked} onClick={() => void approve()} data-testid="approve-confirm">
          {confirmHere && second.name ? `Approve with ${second.name}'s PIN` : 'Approve and upload'}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)} data-testid="approve-cancel">
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** Scanned or imported lines the supplier's list does not name: approving sends them too, so the lead sees which. */
function UnexpectedCheck({ expected: e }: { expected: ApprovalPreview['expected'] }): ReactNode {
  return (
    <li className={`approve-check${e.unexpected ? ' approve-warn' : ''}`} data-testid="approve-unexpected" data-count={e.unexpected}>
      {e.unexpected === 0 ? 'Every line was on the expected list' : `${plural(e.unexpected, 'line')} scanned but not on the expected list: approving sends them too`}
      {e.unexpected > 0 && (
        <ul className="approve-list">
          {e.unexpectedDevices.slice(0, LISTED).map((d) => (
            <li key={d.id}>
              <code>{d.pkid ?? d.serial ?? '?'}</code> ({d.scannedBy}, {formatWhen(d.scannedAt)})
            </li>
          ))}
          {e.unexpected > LISTED && <li>… and {formatCount(e.unexpected - LISTED)} more</li>}
        </ul>
      )}
    </li>
  );
}
