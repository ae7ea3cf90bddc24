// Settings → Partner Center: is the station set up, who is it signed in as, practice mode; sign-in
// and sign-out for leads and admins; the app registration fields for admins.
import { useEffect, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useApi, useAppStore } from '../../store/provider';
import { shortTime } from '../upload/sync-view';
import { PartnerFields } from './PartnerFields';
import { useAction } from './use-action';
import './partner.css';

export function PartnerSettings(): ReactNode {
  const api = useApi();
  const partner = useAppStore((s) => s.partner);
  const loadPartner = useAppStore((s) => s.loadPartner);
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const desktop = api.transport === 'bridge';
  const action = useAction();
  useEffect(() => void loadPartner(), [loadPartner]);

  const mayManage = roleAllows(role, 'partner:manage');
  const isAdmin = roleAllows(role, 'settings:manage');

  async function signIn(): Promise<void> {
    const value = await action.run(() => api.call('partner:signIn', {}), (v) => `Signed in to Partner Center as ${v.account}.`);
    await loadPartner();
    // Uploads paused for a sign-in go on at once.
    if (value && roleAllows(role, 'batches:approve')) await api.call('sync:now', {});
  }

  async function signOut(): Promise<void> {
    await action.run(() => api.call('partner:signOut', {}), () => 'Signed out of Partner Center. Uploads wait until a shift lead signs in again.');
    await loadPartner();
  }

  return (
    <div className="partner-settings" data-testid="partner-settings">
      <h2>Partner Center</h2>
      {partner === null ? (
        <p className="big-text">Asking the station…</p>
      ) : (
        <>
          <dl className="partner-facts" data-testid="partner-facts">
            <dt>Set up</dt>
            <dd data-testid="partner-configured" data-value={partner.configured}>
              {partner.configured ? 'Yes' : 'No'}
            </dd>
            <dt>Signed in as</dt>
            <dd data-testid="partner-signed-in-as" data-value={partner.signedIn}>
              {partner.signedIn ? partner.account : partner.configured ? 'Nobody: uploads wait for a sign-in' : '—'}
            </dd>
            <dt>Mode</dt>
            <dd data-testid="partner-mode" data-value={partner.practiceMode ? 'practice' : 'live'}>
              {partner.practiceMode ? 'Practice: the Partner Center emulator on this machine. Nothing reaches Microsoft.' : 'Live: devices are registered with Microsoft.'}
            </dd>
            {partner.baseUrl && (
              <>
                <dt>Address</dt>
                <dd>
                  <code>{partner.baseUrl}</code>
                </dd>
              </>
            )}
            <dt>Customer list</dt>
            <dd data-testid="partner-customers-at">{partner.lastCustomerRefreshAt === null ? 'Never fetched' : `Refreshed ${shortTime(partner.lastCustomerRefreshAt)}`}</dd>
          </dl>

          {!partner.configured && <NotSetUp isAdmin={isAdmin} />}

          {partner.configured && mayManage && (
            <div className="partner-actions">
              <p className="hint">
                {desktop
                  ? 'Sign in opens the system browser: sign in with a Partner Center account that has the Admin agent (or Sales agent) role, with multi-factor authentication.'
                  : 'This station uses a fixed access token given when it was started; signing in checks it.'}
              </p>
              <div className="inline-form">
                <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void signIn()} data-testid="partner-sign-in">
                  {partner.signedIn ? 'Sign in again' : 'Sign in to Partner Center'}
                </button>
                <button type="button" className="btn" disabled={action.busy || !partner.signedIn} onClick={() => void signOut()} data-testid="partner-sign-out">
                  Sign out
                </button>
              </div>
            </div>
          )}
          {partner.configured && !mayManage && <p className="hint">A shift lead or station admin signs the station in to Partner Center.</p>}
          <Message kind="error" testId="partner-error">
            {action.error}
          </Message>
          <Message kind="success" testId="partner-done">
            {action.done}
          </Message>
        </>
      )}
      {isAdmin && <PartnerFields />}
    </div>
  );
}

function NotSetUp({ isAdmin }: { isAdmin: boolean }): ReactNode {
  return (
    <div className="partner-not-set-up" data-testid="partner-not-set-up">
      <h3>This station is not connected to Partner Center</h3>
      <p>Scanning, review and approval work as usual; approved batches wait here until the station is connected.</p>
      <ol>
        <li>
          {isAdmin ? 'Enter' : 'A station admin enters'} the <strong>client id</strong> of the station&apos;s app registration in Microsoft Entra (a public-client app with the Partner Center API permission), the
          partner&apos;s <strong>tenant</strong> and the <strong>cloud</strong> below.
        </li>
        <li>Restart Dockside, then a shift lead signs in here.</li>
      </ol>
      <p className="hint">
        To practise without Microsoft, start the station against the emulator: <code>dockside serve --partner-center-url http://127.0.0.1:PORT --token emulator-app-user-token</code>.
      </p>
    </div>
  );
}
