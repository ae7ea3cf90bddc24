// A batch's Autopilot profile: the lead loads the customer's profiles from Partner Center (with the note
// that Intune's own profiles are not among them), picks one and assigns it to the batch's registered
// devices. The core waits for Partner Center's job (up to about a minute), then says what happened to
// each device: assigned, skipped (no Partner Center id), failed (code, meaning, what to do) or still running.
import { useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { useAction } from '../partner/use-action';
import { plural } from './sync-view';
import { ProfileWaiting } from './ProfileWaiting';
import { useProfiles, type AssignResult, type Profile } from './use-profiles';

/** The "no profile" choice: unassigning sends Partner Center no policy (policyId null). */
const NONE = '';
const NO_PROFILE: Profile = { id: NONE, name: 'No profile (unassign)', description: 'Remove the Partner Center profile from the devices.', settings: [], devicesAssigned: null };

export function ProfileAssign({ batch, customerTenantId, customerName, ticked }: { batch: BatchSummary; customerTenantId: string; customerName: string; ticked: readonly number[] }): ReactNode {
  const api = useApi();
  const list = useProfiles(customerTenantId);
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [result, setResult] = useState<{ profile: Profile; value: AssignResult } | null>(null);
  const chosen = chosenId === NONE ? NO_PROFILE : (list.profiles?.find((p) => p.id === chosenId) ?? null);
  const scope = ticked.length > 0 ? `the ${plural(ticked.length, 'ticked device')}` : 'the registered devices';

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
        <h3 id="profile-assign-title">Autopilot profile</h3>
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls="profile-picker" disabled={action.busy} onClick={toggle} data-testid="profile-open">
          {open ? 'Hide profiles' : 'Choose a profile…'}
        </button>
      </div>
      <ProfileWaiting batchId={batch.id} />
      {open && (
        <div id="profile-picker" className="profile-picker" onKeyDown={(e) => e.key === 'Escape' && !action.busy && setOpen(false)}>
          {list.note && (
            <p className="profile-note" role="note" data-testid="profile-note">
              <strong>Note:</strong> {list.note}
            </p>
          )}
          {list.loading && <p className="big-text">Loading the profiles of {customerName} from Partner Center…</p>}
          <Message kind="error" testId="profile-list-error">
            {list.error}
          </Message>
          {list.profiles?.length === 0 && (
            <p className="big-text" data-testid="profile-empty">
              {customerName} has no Autopilot profile in Partner Center yet. Create one in Partner Center (Customers → Devices → Autopilot profiles), then choose a profile again.
            </p>
          )}
          {list.profiles && list.profiles.length > 0 && (
            <fieldset className="profile-options" disabled={action.busy}>
              <legend>Profiles of {customerName}</legend>
              {list.profiles.map((p) => (
                <ProfileOption key={p.id} profile={p} checked={p.id === chosenId} onChoose={() => setChosenId(p.id)} />
              ))}
              <ProfileOption profile={NO_PROFILE} checked={chosenId === NONE} onChoose={() => setChosenId(NONE)} />
            </fieldset>
          )}
          {list.profiles && list.profiles.length > 0 && (
            <div className="inline-form">
              <button type="button" className="btn btn-primary" disabled={!chosen || action.busy} onClick={() => void assign()} data-testid="profile-assign">
                {chosen ? (chosen.id === NONE ? `Unassign the profile of ${scope}` : `Assign “${chosen.name}” to ${scope}`) : 'Choose a profile to assign'}
              </button>
            </div>
          )}
        </div>
      )}
      {action.busy && (
        <p className="profile-busy" role="status" data-testid="profile-busy">
          Partner Center is assigning… this can take a minute.
        </p>
      )}
      <Message kind="error" testId="profile-error">
        {action.error}
      </Message>
      {result && !action.busy && <AssignOutcome profile={result.profile} value={result.value} />}
    </section>
  );
}

function ProfileOption({ profile, checked, onChoose }: { profile: Profile; checked: boolean; onChoose(): void }): ReactNode {
  const inputId = `profile-option-input-${profile.id || 'none'}`;
  return (
    <div className={`profile-option${checked ? ' profile-option-chosen' : ''}`}>
      <input type="radio" id={inputId} name="profile" value={profile.id} checked={checked} onChange={onChoose} aria-describedby={`${inputId}-about`} data-testid={`profile-option-${profile.id || 'none'}`} />
      <label htmlFor={inputId}>
        <span className="profile-name">{profile.name}</span>
        <span id={`${inputId}-about`} className="profile-about">
          <span className="profile-description">{profile.description ?? 'No description.'}</span>
          <span className="profile-settings">{profile.settings.length > 0 ? `Settings: ${profile.settings.join(', ')}` : 'No settings.'}</span>
          {profile.devicesAssigned !== null && <span className="profile-devices">{plural(profile.devicesAssigned, 'device')} already use it.</span>}
        </span>
      </label>
    </div>
  );
}

function AssignOutcome({ profile, value }: { profile: Profile; value: AssignResult }): ReactNode {
  const { assigned, skipped, failed, stillRunning } = value;
  const clean = failed.length === 0 && stillRunning === 0;
  return (
    <div className={`profile-result${clean ? ' profile-result-ok' : ' profile-result-problem'}`} role="status" data-testid="profile-result" data-assigned={assigned} data-skipped={skipped} data-failed={failed.length} data-still-running={stillRunning}>
      <p className="profile-result-title">
        {profile.id === NONE ? (
          <>
            Profile unassigned: <strong>{plural(assigned, 'device')} have none now</strong>
          </>
        ) : (
          <>
            Profile “{profile.name}”: <strong>{plural(assigned, 'device')} assigned</strong>
          </>
        )}
      </p>
      <ul className="profile-result-counts">
        {skipped > 0 && <li data-testid="profile-skipped">{plural(skipped, 'device')} skipped: no Partner Center id, so no profile could be sent to them.</li>}
        {stillRunning > 0 && (
          <li data-testid="profile-still-running">
            {plural(stillRunning, 'device')} still running: Partner Center has not finished yet. Assign the profile again later to check; assigning twice does no harm.
          </li>
        )}
        {failed.length > 0 && <li>{plural(failed.length, 'device')} failed:</li>}
      </ul>
      {failed.length > 0 && (
        <ul className="profile-failed" data-testid="profile-failed">
          {failed.map((f) => (
            <li key={f.deviceId} className="profile-failed-device" data-testid={`profile-failed-${f.pkid ?? f.deviceId}`} data-code={f.code}>
              <span className="device-name">{f.pkid ?? `Device ${f.deviceId}`}</span>{' '}
              <span className="device-code">{f.code}</span>
              <p className="profile-failed-meaning">{f.meaning}</p>
              <p className="profile-failed-action">
                <strong>What to do:</strong> {f.action}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
