// "Where is this box?": a PKID (exact) or serial (prefix) across every batch, typed or scanned into
// one field that Ctrl+F (or F3) reaches from anywhere on the Batches page.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FoundDevice } from '../../../../shared/contract/review';
import { batchStates, type BatchState } from '../../../../shared/domain/batch';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { formatWhen, makeModel } from '../../lib/format';
import { FleetFindResults } from './FleetFindResults';

interface Props {
  canReview: boolean;
  onOpen(batchId: number, search: string): void;
}

export function FindBox({ canReview, onOpen }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const field = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; matches: FoundDevice[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const find = (event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'f') || event.key === 'F3';
      if (!find) return;
      event.preventDefault();
      field.current?.focus();
      field.current?.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    const result = await api.call('review:find', { query: q });
    if (!result.ok) {
      setFound(null);
      return setError(errorText(result.error));
    }
    setError(null);
    setFound({ query: q, ...result.value });
  }

  return (
    <section className="find-box" aria-label={t('find.label')}>
      <form className="find-form" onSubmit={(e) => void submit(e)} role="search">
        <label htmlFor="find-query" className="find-label">
          {t('find.label')} <kbd>{t('find.shortcut')}</kbd>
        </label>
        <input id="find-query" ref={field} type="search" value={query} maxLength={128} placeholder={t('find.placeholder')} onChange={(e) => setQuery(e.target.value)} data-testid="find-query" />
        <button type="submit" className="btn btn-primary" data-testid="find-submit">
          {t('find.submit')}
        </button>
        {found && (
          <button type="button" className="btn" onClick={() => setFound(null)} data-testid="find-clear">
            {t('find.clear')}
          </button>
        )}
      </form>
      <Message kind="error" testId="find-error">
        {error}
      </Message>
      {found && (
        <div className="find-results" data-testid="find-results" data-count={found.matches.length}>
          {found.matches.length === 0 ? (
            <p className="big-text">{t('find.none', { query: found.query })}</p>
          ) : (
            <table className="table lead-table">
              <thead>
                <tr>
                  <th scope="col">{t('find.ids')}</th>
                  <th scope="col">{t('list.batch')}</th>
                  <th scope="col">{t('find.line')}</th>
                  <th scope="col">{t('find.scanned')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('list.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.matches.map((d) => (
                  <tr key={d.id} data-testid={`find-match-${d.pkid ?? d.serial ?? d.id}`}>
                    <td>
                      <code>{d.pkid ?? '—'}</code>
                      <div className="review-sub">{d.serial ? t('line.serial', { serial: d.serial }) : makeModel(d)}</div>
                    </td>
                    <td>
                      <strong>{d.batchName}</strong>
                      <div className="review-sub">{isBatchState(d.batchState) ? t(`state.${d.batchState}`) : d.batchState}</div>
                    </td>
                    <td>{d.removed ? t('find.removedBy', { name: d.removedBy ?? '?' }) : t(`lineState.${d.state}`)}</td>
                    <td>
                      {t('find.scannedBy', { name: d.scannedBy, when: formatWhen(d.scannedAt) })}
                    </td>
                    <td>
                      {canReview && (
                        <button type="button" className="btn btn-small" onClick={() => onOpen(d.batchId, d.pkid ?? d.serial ?? '')} data-testid={`find-open-${d.id}`}>
                          {t('find.show')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {found.truncated && <p className="hint">{t('find.truncated')}</p>}
          <FleetFindResults query={found.query} />
        </div>
      )}
    </section>
  );
}

function isBatchState(state: string): state is BatchState {
  return (batchStates as readonly string[]).includes(state);
}
