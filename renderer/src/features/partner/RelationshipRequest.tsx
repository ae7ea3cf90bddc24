// "Customer not listed?": the reseller-relationship invitation link a new customer's Global
// Administrator accepts. Delegated admin rights are not needed to register Autopilot devices.
import { useRef, useState, type ReactNode } from 'react';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';

export function RelationshipRequest(): ReactNode {
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
    else setError(result.error.message);
  }

  async function copy(): Promise<void> {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Link copied. Paste it into an email to the customer.');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('The link is selected: press Ctrl+C to copy it.');
    }
  }

  return (
    <section className="relationship" data-testid="relationship" aria-labelledby="relationship-title">
      <h3 id="relationship-title">Customer not listed?</h3>
      <p>
        A customer appears here only after its <strong>Global Administrator</strong> accepts this partner&apos;s reseller invitation. Send them the invitation link; once they accept, refresh the
        list. <strong>Delegated admin rights (DAP/GDAP) are not needed</strong> to register Autopilot devices.
      </p>
      {link === null ? (
        <button type="button" className="btn" onClick={() => void getLink()} disabled={busy} data-testid="relationship-get">
          {busy ? 'Asking Partner Center…' : 'Get the invitation link'}
        </button>
      ) : (
        <>
          <div className="relationship-link">
            <label htmlFor="relationship-url" className="sr-only">
              Invitation link
            </label>
            <input id="relationship-url" ref={input} readOnly value={link.url} onFocus={(e) => e.target.select()} data-testid="relationship-url" />
            <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid="relationship-copy">
              Copy link
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
