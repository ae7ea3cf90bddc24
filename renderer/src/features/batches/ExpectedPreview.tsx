// What importing a supplier's list would do, before anything is written: lines to expect, how many
// of the current list it replaces, and every refused line with its number and reason, in the error colour.
import type { ReactNode } from 'react';
import type { ExpectedPreview as Preview } from '../../../../shared/contract/expected';
import { formatCount, plural } from './format';

const SHOWN = 5;

export function ExpectedPreview({ preview: p }: { preview: Preview }): ReactNode {
  return (
    <div className="import-preview" data-testid="expected-preview">
      <p className="big-text">
        <strong>{p.fileName}</strong>: {plural(p.rows, 'line')} read.{' '}
        <strong data-testid="expected-preview-accepted" data-count={p.accepted}>
          {plural(p.accepted, 'line')} to expect
        </strong>
        {p.replaces > 0 ? `, replacing the ${plural(p.replaces, 'expected line')} there now` : ''},{' '}
        <strong data-testid="expected-preview-refused-count" data-count={p.refusedCount} className={p.refusedCount ? 'text-bad' : undefined}>
          {formatCount(p.refusedCount)} refused
        </strong>
        .
      </p>
      {p.refusedCount > 0 && (
        <div className="message message-error" role="alert" data-testid="expected-preview-refused">
          Refused lines{p.refusedCount > p.refused.length ? ` (first ${formatCount(p.refused.length)})` : ''}:
          <ul>
            {p.refused.map((r) => (
              <li key={`${r.line}-${r.reason}`} data-testid={`expected-refused-${r.line}`}>
                line {r.line}: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.sample.length > 0 && (
        <table className="table lead-table" data-testid="expected-sample">
          <caption>First lines to expect</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">PKID</th>
              <th scope="col">Serial</th>
            </tr>
          </thead>
          <tbody>
            {p.sample.slice(0, SHOWN).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.pkid ?? '—'}</code>
                </td>
                <td>{r.serial ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
