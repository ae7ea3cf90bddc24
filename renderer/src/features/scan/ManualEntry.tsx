// A way in for a box whose label will not scan (torn, smudged): the PKID typed by hand. It goes through
// the same queue and checks as a scan, marked as typed (source 'manual'), so the audit trail tells a
// typed PKID from a scanned one. A scanner fired while this field has focus is still a scan.
import { forwardRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

interface Props {
  text: string;
  onText(text: string): void;
  onSubmit(text: string): void;
  hint: string | null;
}

export const ManualEntry = forwardRef<HTMLInputElement, Props>(function ManualEntry({ text, onText: setText, onSubmit, hint }, ref): ReactNode {
  const { t } = useTranslation('scan');

  function submit(event: FormEvent): void {
    event.preventDefault();
    const value = text.trim();
    if (value.length === 0) return;
    onSubmit(value);
    setText('');
  }

  // Enter, Esc and Ctrl+Z belong to this field while typing, not to the scan keys (undo, drop).
  function keys(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === 'Escape' || (event.ctrlKey && event.key.toLowerCase() === 'z')) event.stopPropagation();
    if (event.key === 'Escape') setText('');
  }

  return (
    <form className="manual-entry" onSubmit={submit} data-testid="manual-entry" aria-label={t('manual.label')}>
      <label htmlFor="manual-pkid">{t('manual.prompt')}</label>
      <div className="manual-row">
        <input id="manual-pkid" ref={ref} value={text} inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={64} onChange={(e) => setText(e.target.value)} onKeyDown={keys} data-testid="manual-input" />
        <button type="submit" className="btn btn-secondary" disabled={text.trim().length === 0} data-testid="manual-submit">
          {t('manual.add')}
        </button>
      </div>
      {hint !== null && (
        <p className="message message-info" role="status" data-testid="manual-hint">
          {hint}
        </p>
      )}
    </form>
  );
});
