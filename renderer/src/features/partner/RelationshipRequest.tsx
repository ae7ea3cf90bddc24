// "Customer not listed?": the reseller-relationship invitation link a new customer's Global
// Administrator accepts. Delegated admin rights are not needed to register Autopilot devices.
import { useRef, useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

export function RelationshipRequest(): ReactNode {
  const { t } = useTranslation('partner');
  const api = useApi();
  const [link, setLink] = useState<{ url: string; explanation: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function getLink(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api.call('customers:relationshipRequest', {});
    setBusy(false);
    if (result.ok) setLink(result.value);
    else setError(errorText(result.error));
  }

  async function copy(): Promise<void> {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(t('relationship.copied'));
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied(t('relationship.selected'));
    }
  }

  return (
    <section className="relationship" data-testid="relationship" aria-labelledby="relationship-title">
      <h3 id="relationship-title">{t('relationship.title')}</h3>
      <p>
        <Trans t={t} i18nKey="relationship.intro" components={{ b: <strong /> }} />
      </p>
      {link === null ? (
        <button type="button" className="btn" onClick={() => void getLink()} disabled={busy} data-testid="relationship-get">
          {t(busy ? 'relationship.asking' : 'relationship.get')}
        </button>
      ) : (
        <>
          <div className="relationship-link">
            <label htmlFor="relationship-url" className="sr-only">
              {t('relationship.link')}
            </label>
            <input id="relationship-url" ref={input} readOnly value={link.url} onFocus={(e) => e.target.select()} data-testid="relationship-url" />
            <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid="relationship-copy">
              {t('relationship.copy')}
            </button>
          </div>
          <p className="hint" data-testid="relationship-explanation">
            {link.explanation}
          </p>
        </>
      )}
      <Message kind="success" testId="relationship-copied">
        {copied}
      </Message>
      <Message kind="error" testId="relationship-error">
        {error}
      </Message>
    </section>
  );
}
