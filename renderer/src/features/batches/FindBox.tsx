// "Where is this box?": a PKID (exact) or serial (prefix) across every batch, typed or scanned into
// one field that Ctrl+F (or F3) reaches from anywhere on the Batches page.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FoundDevice } from '../../../../shared/contract/review';
import { batchStateLabels, type BatchState } from '../../../../shared/domain/batch';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { deviceStateLabels, formatWhen, makeModel } from './format';
import { FleetFindResults } from './FleetFindResults';

interface Props {
  canReview: boolean;
  onOpen(batchId: number, search: string): void;
}

export function FindBox({ canReview, onOpen }: Props): ReactNode {
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
      return setError(result.error.message);
    }
    setError(null);
    setFound({ query: q, ...result.value });
  }

  return (
    <section className="find-box" aria-label="Where is this box?">
      <form className="find-form" onSubmit={(e) => void submit(e)} role="search">
        <label htmlFor="find-query" className="find-label">
          Where is this box? <kbd>Ctrl+F</kbd>
        </label>
        <input id="find-query" ref={field} type="search" value={query} maxLength={128} placeholder="Scan or type a PKID or serial" onChange={(e) => setQuery(e.target.value)} data-testid="find-query" />
        <button type="submit" className="btn btn-primary" data-testid="find-submit">
          Find
        </button>
        {found && (
          <button type="button" className="btn" onClick={() => setFound(null)} data-testid="find-clear">
            Clear
          </button>
        )}
      </form>
      <Message kind="error" testId="find-error">
        {error}
      </Message>
      {found && (
        <div className="find-results" data-testid="find-results" data-count={found.matches.length}>
          {found.matches.length === 0 ? (
            <p className="big-text">No box with PKID or serial “{found.query}” on this station.</p>
          ) : (
            <table className="table lead-table">
              <thead>
                <tr>
                  <th scope="col">PKID / serial</th>
                  <th scope="col">Batch</th>
                  <th scope="col">Line</th>
                  <th scope="col">Scanned by, when</th>
                  <th scope="col">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.matches.map((d) => (
                  <tr key={d.id} data-testid={`find-match-${d.pkid ?? d.serial ?? d.id}`}>
                    <td>
                      <code>{d.pkid ?? '—'}</code>
                      <div className="review-sub">{d.serial ? `Serial ${d.serial}` : makeModel(d)}</div>
                    </td>
                    <td>
                      <strong>{d.batchName}</strong>
                      <div className="review-sub">{batchStateLabels[d.batchState as BatchState] ?? d.batchState}</div>
                    </td>
                    <td>{d.removed ? `Removed by ${d.removedBy ?? '?'}` : deviceStateLabels[d.state]}</td>
                    <td>
                      {d.scannedBy}, {formatWhen(d.scannedAt)}
                    </td>
                    <td>
                      {canReview && (
                        <button type="button" className="btn btn-small" onClick={() => onOpen(d.batchId, d.pkid ?? d.serial ?? '')} data-testid={`find-open-${d.id}`}>
                          Show in batch
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {found.truncated && <p className="hint">More boxes match: type more of the serial.</p>}
          <FleetFindResults query={found.query} />
        </div>
      )}
    </section>
  );
}
