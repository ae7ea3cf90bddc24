// Approve a closed batch: first what would be sent (device count, same-serial duplicates, lines
// missing against the expected list), then the customer, the two-person rule, and Approve, which
// queues the upload.
import { useEffect, useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ApprovalPreview } from '../../../../shared/contract/approval';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { CustomerPicker } from './CustomerPicker';
import { Dialog } from '../../components/Dialog';
import { formatCount, formatWhen } from '../../lib/format';
import { canConfirmHere, TwoPersonPanel, type SecondPerson } from '../../components/TwoPersonPanel';

interface Props {
  batch: BatchSummary;
  onDone(notice: string | null): void;
}

const LISTED = 8;
// A line with neither PKID nor serial: a mark, not a word.
const UNKNOWN = '?';

export function ApproveDialog({ batch, onDone }: Props): ReactNode {
  const { t } = useTranslation('batches');
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
      } else setError(errorText(result.error));
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
      return setError(errorText(result.error));
    }
    const { batch: approved, customerName, confirmedBy } = result.value;
    onDone(
      confirmedBy
        ? t('approve.doneConfirmed', { name: approved.name, customer: customerName, by: confirmedBy })
        : t('approve.done', { name: approved.name, customer: customerName }),
    );
  }

  const p = preview;
  // The two-person line is shown by its own panel; it blocks only when nobody can confirm here.
  const confirmHere = p ? canConfirmHere(p.twoPersonRule) : false;
  const others = p?.blockers.filter((b) => b !== p.twoPersonRule.explanation) ?? [];
  // The core's own words for a missing customer: the picker below already asks for one.
  const blockers = others.filter((b) => b !== 'Choose the customer.');
  const secondMissing = confirmHere && (second.name === '' || second.pin.length < 6);
  const blocked = !p || others.length > 0 || (p.twoPersonRule.needsSecondPerson && !confirmHere) || secondMissing;
  const duplicates = p?.sameSerial ?? [];
  return (
    <Dialog title={t('approve.title', { name: batch.name })} testId="approve-dialog" onClose={() => onDone(null)} wide>
      {!p && !error && <p className="big-text">{t('approve.checking')}</p>}
      {p && (
        <>
          <ul className="approve-checks">
            <li className="approve-check" data-testid="approve-count" data-count={p.deviceCount}>
              <Trans t={t} i18nKey="approve.count" count={p.deviceCount} components={{ strong: <strong /> }} />
            </li>
            <li className={`approve-check${duplicates.length ? ' approve-warn' : ''}`} data-testid="approve-duplicates" data-count={duplicates.length}>
              {duplicates.length === 0 ? t('approve.noDuplicates') : t('approve.duplicates', { count: duplicates.length })}
              {duplicates.length > 0 && (
                <ul className="approve-list">
                  {duplicates.slice(0, LISTED).map((d) => (
                    <li key={d.serial}>
                      <Trans t={t} i18nKey="approve.duplicate" count={d.deviceIds.length} values={{ serial: d.serial, batches: d.batchNames.join(', ') }} components={{ code: <code /> }} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
            <li className={`approve-check${p.noIdentity.count ? ' approve-warn' : ''}`} data-testid="approve-identity" data-count={p.noIdentity.count}>
              {p.noIdentity.count === 0 ? t('approve.allIdentified') : t('approve.noIdentity', { count: p.noIdentity.count })}
              {p.noIdentity.count > 0 && (
                <ul className="approve-list">
                  {p.noIdentity.devices.slice(0, LISTED).map((d) => (
                    <li key={d.deviceId}>{d.problem}</li>
                  ))}
                  {p.noIdentity.count > LISTED && <li>{t('more', { n: formatCount(p.noIdentity.count - LISTED) })}</li>}
                </ul>
              )}
            </li>
            <li className={`approve-check${p.expected.missing ? ' approve-warn' : ''}`} data-testid="approve-missing" data-count={p.expected.missing}>
              {p.expected.expected === 0
                ? t('approve.noExpected')
                : p.expected.missing === 0
                  ? t('approve.allScanned', { count: p.expected.expected })
                  : t('approve.missing', { count: p.expected.missing, expected: formatCount(p.expected.expected) })}
              {p.expected.missing > 0 && (
                <ul className="approve-list">
                  {p.expected.missingLines.slice(0, LISTED).map((l) => (
                    <li key={l.id}>
                      <Trans t={t} i18nKey="approve.missingLine" values={{ line: l.line, id: l.pkid ?? l.serial ?? UNKNOWN }} components={{ code: <code /> }} />
                    </li>
                  ))}
                  {p.expected.missing > LISTED && <li>{t('more', { n: formatCount(p.expected.missing - LISTED) })}</li>}
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
              <Trans
                t={t}
                i18nKey={p.customer.domain ? 'approve.summaryDomain' : 'approve.summary'}
                count={p.deviceCount}
                values={{ company: p.customer.companyName, domain: p.customer.domain ?? '' }}
                components={{ strong: <strong /> }}
              />
            </p>
          )}
        </>
      )}
      <Message kind="error" testId="approve-error">
        {error}
      </Message>
      <div className="lead-actions">
        <button type="button" className="btn btn-primary" disabled={busy || !tenant || blocked} onClick={() => void approve()} data-testid="approve-confirm">
          {confirmHere && second.name ? t('approve.withPin', { name: second.name }) : t('approve.confirm')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)} data-testid="approve-cancel">
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** Scanned or imported lines the supplier's list does not name: approving sends them too, so the lead sees which. */
function UnexpectedCheck({ expected: e }: { expected: ApprovalPreview['expected'] }): ReactNode {
  const { t } = useTranslation('batches');
  return (
    <li className={`approve-check${e.unexpected ? ' approve-warn' : ''}`} data-testid="approve-unexpected" data-count={e.unexpected}>
      {e.unexpected === 0 ? t('approve.allExpected') : t('approve.unexpected', { count: e.unexpected })}
      {e.unexpected > 0 && (
        <ul className="approve-list">
          {e.unexpectedDevices.slice(0, LISTED).map((d) => (
            <li key={d.id}>
              <Trans t={t} i18nKey="approve.unexpectedLine" values={{ id: d.pkid ?? d.serial ?? UNKNOWN, name: d.scannedBy, when: formatWhen(d.scannedAt) }} components={{ code: <code /> }} />
            </li>
          ))}
          {e.unexpected > LISTED && <li>{t('more', { n: formatCount(e.unexpected - LISTED) })}</li>}
        </ul>
      )}
    </li>
  );
}
