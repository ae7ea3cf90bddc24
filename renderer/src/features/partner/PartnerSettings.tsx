// Settings → Partner Center: is the station set up, who is it signed in as, practice mode; sign-in
// and sign-out for leads and admins; the app registration fields for admins.
import { useEffect, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { roleAllows } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi, useAppStore } from '../../store/provider';
import { shortTime } from '../../lib/sync-view';
import { PartnerFields } from './PartnerFields';
import { useAction } from '../../lib/use-action';
import './partner.css';

export function PartnerSettings(): ReactNode {
  const { t } = useTranslation('partner');
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
    const value = await action.run(() => api.call('partner:signIn', {}), (v) => t('settings.signedIn', { account: v.account }));
    await loadPartner();
    // Uploads paused for a sign-in go on at once.
    if (value && roleAllows(role, 'batches:approve')) await api.call('sync:now', {});
  }

  async function signOut(): Promise<void> {
    await action.run(() => api.call('partner:signOut', {}), () => t('settings.signedOut'));
    await loadPartner();
  }

  return (
    <div className="partner-settings" data-testid="partner-settings">
      <h2>{t('settings.title')}</h2>
      {partner === null ? (
        <p className="big-text">{t('settings.asking')}</p>
      ) : (
        <>
          <dl className="partner-facts" data-testid="partner-facts">
            <dt>{t('settings.setUp')}</dt>
            <dd data-testid="partner-configured" data-value={partner.configured}>
              {t(partner.configured ? 'settings.yes' : 'settings.no')}
            </dd>
            <dt>{t('settings.signedInAs')}</dt>
            <dd data-testid="partner-signed-in-as" data-value={partner.signedIn}>
              {partner.signedIn ? partner.account : partner.configured ? t('settings.nobody') : '—'}
            </dd>
            <dt>{t('settings.mode')}</dt>
            <dd data-testid="partner-mode" data-value={partner.practiceMode ? 'practice' : 'live'}>
              {t(partner.practiceMode ? 'settings.practice' : 'settings.live')}
            </dd>
            {partner.baseUrl && (
              <>
                <dt>{t('settings.address')}</dt>
                <dd>
                  <code>{partner.baseUrl}</code>
                </dd>
              </>
            )}
            <dt>{t('settings.customerList')}</dt>
            <dd data-testid="partner-customers-at">{partner.lastCustomerRefreshAt === null ? t('settings.neverFetched') : t('refreshedAt', { time: shortTime(partner.lastCustomerRefreshAt) })}</dd>
          </dl>

          {!partner.configured && <NotSetUp isAdmin={isAdmin} />}

          {partner.configured && mayManage && (
            <div className="partner-actions">
              <p className="hint">
                {t(desktop ? 'settings.signInDesktop' : 'settings.signInToken')}
              </p>
              <div className="inline-form">
                <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void signIn()} data-testid="partner-sign-in">
                  {t(partner.signedIn ? 'settings.signInAgain' : 'settings.signIn')}
                </button>
                <button type="button" className="btn" disabled={action.busy || !partner.signedIn} onClick={() => void signOut()} data-testid="partner-sign-out">
                  {t('settings.signOut')}
                </button>
              </div>
            </div>
          )}
          {partner.configured && !mayManage && <p className="hint">{t('settings.leadSignsIn')}</p>}
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
  const { t } = useTranslation('partner');
  return (
    <div className="partner-not-set-up" data-testid="partner-not-set-up">
      <h3>{t('notSetUp.title')}</h3>
      <p>{t('notSetUp.why')}</p>
      <ol>
        <li>
          <Trans t={t} i18nKey={isAdmin ? 'notSetUp.stepEnter' : 'notSetUp.stepAdminEnters'} components={{ b: <strong /> }} />
        </li>
        <li>{t('notSetUp.stepRestart')}</li>
      </ol>
      <p className="hint">
        <Trans t={t} i18nKey="notSetUp.practise" components={{ cmd: <code /> }} />
      </p>
    </div>
  );
}
