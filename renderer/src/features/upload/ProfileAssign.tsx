// A batch's Autopilot profile: the lead loads the customer's profiles from Partner Center (with the note
// that Intune's own profiles are not among them), picks one and assigns it to the batch's registered
// devices. The core waits for Partner Center's job (up to about a minute), then says what happened to
// each device: assigned, skipped (no Partner Center id), failed (code, meaning, what to do) or still running.
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Trans } from 'react-i18next';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { explainDeviceError } from '../../../../shared/domain/device-errors';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { adviceText } from '../../i18n/advice';
import { useApi } from '../../store/provider';
import { useAction } from '../../lib/use-action';
import { counted } from '../../lib/sync-view';
import { ProfileWaiting } from './ProfileWaiting';
import { useProfiles, type AssignResult, type Profile } from './use-profiles';

/** The "no profile" choice: unassigning sends Partner Center no policy (policyId null). */
const NONE = '';
function noProfile(t: TFunction<'upload'>): Profile {
  return { id: NONE, name: t('profile.none'), description: t('profile.noneAbout'), settings: [], devicesAssigned: null };
}

export function ProfileAssign({ batch, customerTenantId, customerName, ticked }: { batch: BatchSummary; customerTenantId: string; customerName: string; ticked: readonly number[] }): ReactNode {
  const { t } = useTranslation('upload');
  const api = useApi();
  const list = useProfiles(customerTenantId);
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [result, setResult] = useState<{ profile: Profile; value: AssignResult } | null>(null);
  const chosen = chosenId === NONE ? noProfile(t) : (list.profiles?.find((p) => p.id === chosenId) ?? null);
  const ticks = ticked.length > 0 ? counted(ticked.length) : null;

  function toggle(): void {
    if (open) return setOpen(false);
    setOpen(true);
    void list.load();
  }

  async function assign(): Promise<void> {
    if (!chosen) return;
    setResult(null);
    const value = await action.run(() => api.call('profiles:assign', { batchId: batch.id, policyId: chosen.id === NONE ? null : chosen.id, ...(ticked.length > 0 ? { deviceIds: [...ticked] } : {}) }), () => null);
    if (!value) return;
    setResult({ profile: chosen, value });
    void list.load(); // each profile's device count has changed
  }

  return (
    <section className="profile-assign" aria-labelledby="profile-assign-title" data-testid="profile-assign-section">
      <div className="profile-head">
        <h3 id="profile-assign-title">{t('profile.title')}</h3>
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls="profile-picker" disabled={action.busy} onClick={toggle} data-testid="profile-open">
          {t(open ? 'profile.hide' : 'profile.open')}
        </button>
      </div>
      <ProfileWaiting batchId={batch.id} />
      {open && (
        <div id="profile-picker" className="profile-picker" onKeyDown={(e) => e.key === 'Escape' && !action.busy && setOpen(false)}>
          {list.note && (
            <p className="profile-note" role="note" data-testid="profile-note">
              <strong>{t('profile.note')}</strong> {list.note}
            </p>
          )}
          {list.loading && <p className="big-text">{t('profile.loading', { customer: customerName })}</p>}
          <Message kind="error" testId="profile-list-error">
            {list.error}
          </Message>
          {list.profiles?.length === 0 && (
            <p className="big-text" data-testid="profile-empty">
              {t('profile.empty', { customer: customerName })}
            </p>
          )}
          {list.profiles && list.profiles.length > 0 && (
            <fieldset className="profile-options" disabled={action.busy}>
              <legend>{t('profile.legend', { customer: customerName })}</legend>
              {list.profiles.map((p) => (
                <ProfileOption key={p.id} profile={p} checked={p.id === chosenId} onChoose={() => setChosenId(p.id)} />
              ))}
              <ProfileOption profile={noProfile(t)} checked={chosenId === NONE} onChoose={() => setChosenId(NONE)} />
            </fieldset>
          )}
          {list.profiles && list.profiles.length > 0 && (
            <div className="inline-form">
              <button type="button" className="btn btn-primary" disabled={!chosen || action.busy} onClick={() => void assign()} data-testid="profile-assign">
                {chosen ? assignLabel(chosen, ticks, t) : t('profile.chooseToAssign')}
              </button>
            </div>
          )}
        </div>
      )}
      {action.busy && (
        <p className="profile-busy" role="status" data-testid="profile-busy">
          {t('profile.busy')}
        </p>
      )}
      <Message kind="error" testId="profile-error">
        {action.error}
      </Message>
      {result && !action.busy && <AssignOutcome profile={result.profile} value={result.value} />}
    </section>
  );
}

/** What the assign button does: assign or unassign, for the ticked devices or all registered ones. */
function assignLabel(chosen: Profile, ticks: { count: number; n: string } | null, t: TFunction<'upload'>): string {
  if (chosen.id === NONE) return ticks ? t('profile.unassignTicked', ticks) : t('profile.unassignRegistered');
  return ticks ? t('profile.assignTicked', { ...ticks, name: chosen.name }) : t('profile.assignRegistered', { name: chosen.name });
}

function ProfileOption({ profile, checked, onChoose }: { profile: Profile; checked: boolean; onChoose(): void }): ReactNode {
  const { t } = useTranslation('upload');
  const inputId = `profile-option-input-${profile.id || 'none'}`;
  return (
    <div className={`profile-option${checked ? ' profile-option-chosen' : ''}`}>
      <input type="radio" id={inputId} name="profile" value={profile.id} checked={checked} onChange={onChoose} aria-describedby={`${inputId}-about`} data-testid={`profile-option-${profile.id || 'none'}`} />
      <label htmlFor={inputId}>
        <span className="profile-name">{profile.name}</span>
        <span id={`${inputId}-about`} className="profile-about">
          <span className="profile-description">{profile.description ?? t('profile.noDescription')}</span>
          <span className="profile-settings">{profile.settings.length > 0 ? t('profile.settings', { settings: profile.settings.join(', ') }) : t('profile.noSettings')}</span>
          {profile.devicesAssigned !== null && <span className="profile-devices">{t('profile.alreadyUse', counted(profile.devicesAssigned))}</span>}
        </span>
      </label>
    </div>
  );
}

function AssignOutcome({ profile, value }: { profile: Profile; value: AssignResult }): ReactNode {
  const { t } = useTranslation('upload');
  const { assigned, skipped, failed, stillRunning } = value;
  const clean = failed.length === 0 && stillRunning === 0;
  return (
    <div className={`profile-result${clean ? ' profile-result-ok' : ' profile-result-problem'}`} role="status" data-testid="profile-result" data-assigned={assigned} data-skipped={skipped} data-failed={failed.length} data-still-running={stillRunning}>
      <p className="profile-result-title">
        {profile.id === NONE ? (
          <Trans t={t} i18nKey="profile.unassigned" values={counted(assigned)} components={{ b: <strong /> }} />
        ) : (
          <Trans t={t} i18nKey="profile.assigned" values={{ ...counted(assigned), name: profile.name }} components={{ b: <strong /> }} />
        )}
      </p>
      <ul className="profile-result-counts">
        {skipped > 0 && <li data-testid="profile-skipped">{t('profile.skipped', counted(skipped))}</li>}
        {stillRunning > 0 && (
          <li data-testid="profile-still-running">
            {t('profile.stillRunning', counted(stillRunning))}
          </li>
        )}
        {failed.length > 0 && <li>{t('profile.failed', counted(failed.length))}</li>}
      </ul>
      {failed.length > 0 && (
        <ul className="profile-failed" data-testid="profile-failed">
          {failed.map((f) => {
            // Said again from the code in the operator's language; the core's meaning/action are the CLI's English.
            const advice = adviceText(explainDeviceError(f.code, f.description));
            return (
              <li key={f.deviceId} className="profile-failed-device" data-testid={`profile-failed-${f.pkid ?? f.deviceId}`} data-code={f.code}>
                <span className="device-name">{f.pkid ?? t('deviceId', { id: f.deviceId })}</span>{' '}
                <span className="device-code">{f.code}</span>
                <p className="profile-failed-meaning">{advice.meaning}</p>
                <p className="profile-failed-action">
                  <strong>{t('device.whatToDo')}</strong> {advice.action}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
