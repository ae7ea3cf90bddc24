// What importing a supplier's list would do, before anything is written: lines to expect, how many
// of the current list it replaces, and every refused line with its number and reason, in the error colour.
import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ExpectedPreview as Preview } from '../../../../shared/contract/expected';
import { useTranslation } from '../../i18n';
import { formatCount } from '../../lib/format';

const SHOWN = 5;
// An empty cell: a mark, not a word.
const NONE = '—';

export function ExpectedPreview({ preview: p }: { preview: Preview }): ReactNode {
  const { t } = useTranslation('batches');
  return (
    <div className="import-preview" data-testid="expected-preview">
      <p className="big-text">
        <Trans t={t} i18nKey="expected.read" count={p.rows} values={{ fileName: p.fileName }} components={{ file: <strong /> }} />{' '}
        <strong data-testid="expected-preview-accepted" data-count={p.accepted}>
          {t('expected.toExpect', { count: p.accepted })}
        </strong>
        {p.replaces > 0 ? t('expected.replacing', { count: p.replaces }) : ''},{' '}
        <strong data-testid="expected-preview-refused-count" data-count={p.refusedCount} className={p.refusedCount ? 'text-bad' : undefined}>
          {t('import.refused', { n: formatCount(p.refusedCount) })}
        </strong>
        .
      </p>
      {p.refusedCount > 0 && (
        <div className="message message-error" role="alert" data-testid="expected-preview-refused">
          {t('expected.refusedHead', { lines: p.refusedCount > p.refused.length ? t('import.refusedFirst', { n: formatCount(p.refused.length) }) : t('import.refusedLines') })}
          <ul>
            {p.refused.map((r) => (
              <li key={`${r.line}-${r.reason}`} data-testid={`expected-refused-${r.line}`}>
                {t('expected.lineMessage', { line: r.line, message: r.message })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.sample.length > 0 && (
        <table className="table lead-table" data-testid="expected-sample">
          <caption>{t('expected.sample')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('find.line')}</th>
              <th scope="col">{t('import.pkid')}</th>
              <th scope="col">{t('edit.serial')}</th>
            </tr>
          </thead>
          <tbody>
            {p.sample.slice(0, SHOWN).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.pkid ?? NONE}</code>
                </td>
                <td>{r.serial ?? NONE}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
