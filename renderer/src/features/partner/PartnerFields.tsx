// The station's Entra app registration for Partner Center sign-in (station admins only). The desktop
// app reads these when it starts, so a change applies after a restart.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

type Key = 'partnerCenter.clientId' | 'partnerCenter.tenant' | 'partnerCenter.cloud';
type Values = Record<Key, string>;
const CLIENT_ID = 'partnerCenter.clientId' satisfies Key;
const TENANT = 'partnerCenter.tenant' satisfies Key;
const CLOUD = 'partnerCenter.cloud' satisfies Key;
const KEYS: Key[] = [CLIENT_ID, TENANT, CLOUD];

export function PartnerFields(): ReactNode {
  const { t } = useTranslation('partner');
  const api = useApi();
  const [saved, setSaved] = useState<Values | null>(null);
  const [values, setValues] = useState<Values>({ 'partnerCenter.clientId': '', 'partnerCenter.tenant': '', 'partnerCenter.cloud': 'global' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('settings:get', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(errorText(result.error));
      const v = { 'partnerCenter.clientId': result.value['partnerCenter.clientId'], 'partnerCenter.tenant': result.value['partnerCenter.tenant'], 'partnerCenter.cloud': result.value['partnerCenter.cloud'] };
      setSaved(v);
      setValues(v);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!saved) return;
    setStatus(null);
    const changed = KEYS.filter((k) => values[k].trim() !== saved[k]);
    if (changed.length === 0) return setStatus(t('fields.nothingChanged'));
    setBusy(true);
    const found: Partial<Record<Key, string>> = {};
    const next = { ...saved };
    for (const key of changed) {
      const result = await api.call('settings:update', { key, value: values[key].trim() });
      if (result.ok) next[key] = result.value[key];
      else found[key] = errorText(result.error);
    }
    setBusy(false);
    setErrors(found);
    setSaved(next);
    if (Object.keys(found).length < changed.length) setStatus(t('fields.saved'));
  }

  const field = (key: Key, label: string, help: string, input: ReactNode): ReactNode => (
    <div className="field">
      <label htmlFor={`pc-${key}`}>{label}</label>
      {input}
      <span id={`pc-${key}-help`} className="field-help">
        {help}
      </span>
      <Message kind="error" testId={`pc-${key}-error`}>
        {errors[key]}
      </Message>
    </div>
  );

  return (
    <form className="partner-fields" onSubmit={(e) => void save(e)} data-testid="partner-fields">
      <h3>{t('fields.title')}</h3>
      <p className="hint">{t('fields.restart')}</p>
      <Message kind="error" testId="partner-fields-load-error">
        {loadError}
      </Message>
      {field(
        CLIENT_ID,
        t('fields.clientId'),
        t('fields.clientIdHelp'),
        <input id="pc-partnerCenter.clientId" value={values['partnerCenter.clientId']} onChange={(e) => setValues((v) => ({ ...v, 'partnerCenter.clientId': e.target.value }))} aria-describedby="pc-partnerCenter.clientId-help" spellCheck={false} autoComplete="off" data-testid="partner-client-id" />,
      )}
      {field(
        TENANT,
        t('fields.tenant'),
        t('fields.tenantHelp'),
        <input id="pc-partnerCenter.tenant" value={values['partnerCenter.tenant']} onChange={(e) => setValues((v) => ({ ...v, 'partnerCenter.tenant': e.target.value }))} aria-describedby="pc-partnerCenter.tenant-help" spellCheck={false} autoComplete="off" data-testid="partner-tenant" />,
      )}
      {field(
        CLOUD,
        t('fields.cloud'),
        t('fields.cloudHelp'),
        <select id="pc-partnerCenter.cloud" value={values['partnerCenter.cloud']} onChange={(e) => setValues((v) => ({ ...v, 'partnerCenter.cloud': e.target.value }))} aria-describedby="pc-partnerCenter.cloud-help" data-testid="partner-cloud">
          <option value="global">{t('fields.cloudGlobal')}</option>
          <option value="china">{t('fields.cloudChina')}</option>
        </select>,
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || saved === null} data-testid="partner-save">
        {t('fields.save')}
      </button>
      <Message kind="success" testId="partner-fields-status">
        {status}
      </Message>
    </form>
  );
}
