// Import devices (PKIDs, hardware hashes, tuples) from a supplier's or OEM's file: a preview first (what would be imported, and every
// refused line with its number and reason), then Commit writes exactly that, all lines or none.
import { useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/import';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { FilePick, type PickedFile } from '../../components/FilePick';
import { formatCount } from '../../lib/format';

// An empty cell: a mark, not a word.
const NONE = '—';

interface Props {
  batchId: number;
  editable: boolean;
}

export function ImportPanel({ batchId, editable }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pick(picked: PickedFile): Promise<void> {
    setError(null);
    setDone(null);
    setPreview(null);
    setFile(picked);
    setBusy(true);
    const result = await api.call('import:preview', { batchId, fileName: picked.fileName, contentBase64: picked.contentBase64 });
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(errorText(result.error));
  }

  async function commit(): Promise<void> {
    if (!file || !preview) return;
    setBusy(true);
    const result = await api.call('import:commit', { batchId, fileName: file.fileName, contentBase64: file.contentBase64, token: preview.token });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setPreview(null);
    setFile(null);
    const { imported, attached } = result.value;
    setDone(
      attached
        ? t('import.doneAttached', { devices: t('n.device', { count: imported }), hashes: t('n.hardwareHash', { count: attached }), fileName: file.fileName })
        : t('import.done', { count: imported, fileName: file.fileName }),
    );
  }

  function cancel(): void {
    setPreview(null);
    setFile(null);
    setError(null);
  }

  if (!editable) return <p className="big-text">{t('import.frozen')}</p>;
  return (
    <section className="import" aria-label={t('review.tabImport')} data-testid="import-panel">
      <p className="hint">{t('import.hint')}</p>
      <FilePick label={t('import.choose')} testId="import-file" disabled={busy} onPick={(f) => void pick(f)} onError={setError} />
      {busy && <p className="hint">{t('import.reading', { fileName: file?.fileName ?? '' })}</p>}
      <Message kind="success" testId="import-done">
        {done}
      </Message>
      <Message kind="error" testId="import-error">
        {error}
      </Message>
      {preview && <PreviewTable preview={preview} />}
      {preview && (
        <div className="lead-actions">
          <button type="button" className="btn btn-primary" disabled={busy || preview.accepted + (preview.attached ?? 0) === 0} onClick={() => void commit()} data-testid="import-commit">
            {preview.attached
              ? t('import.commitAttach', { devices: t('n.device', { count: preview.accepted }), hashes: t('n.hash', { count: preview.attached }) })
              : t('import.commit', { count: preview.accepted })}
          </button>
          <button type="button" className="btn" onClick={cancel} data-testid="import-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewTable({ preview: p }: { preview: ImportPreview }): ReactNode {
  const { t } = useTranslation('batches');
  const separator = p.delimiter === '\t' ? t('import.tab') : t('import.quoted', { char: p.delimiter });
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="big-text">
        <Trans t={t} i18nKey="import.read" count={p.rows} values={{ fileName: p.fileName, encoding: p.encoding, separator }} components={{ file: <strong /> }} />{' '}
        <strong data-testid="import-accepted" data-count={p.accepted}>
          {t('import.toImport', { n: formatCount(p.accepted) })}
        </strong>
        ,{' '}
        {(p.attached ?? 0) > 0 && (
          <>
            <strong data-testid="import-attached" data-count={p.attached}>
              {t('import.toAttach', { count: p.attached ?? 0 })}
            </strong>
            ,{' '}
          </>
        )}
        <strong data-testid="import-refused-count" data-count={p.refusedCount} className={p.refusedCount ? 'text-bad' : undefined}>
          {t('import.refused', { n: formatCount(p.refusedCount) })}
        </strong>
        .
      </p>
      {p.refusedCount > 0 && (
        <table className="table lead-table" data-testid="import-refused">
          <caption>{p.refusedCount > p.refused.length ? t('import.refusedFirst', { n: formatCount(p.refused.length) }) : t('import.refusedLines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('find.line')}</th>
              <th scope="col">{t('import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {p.refused.map((r) => (
              <tr key={`${r.line}-${r.reason}`} data-testid={`import-refused-${r.line}`}>
                <td>{r.line}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.sample.length > 0 && (
        <table className="table lead-table" data-testid="import-sample">
          <caption>{t('import.sample')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('find.line')}</th>
              <th scope="col">{t('import.pkid')}</th>
              <th scope="col">{t('edit.serial')}</th>
              <th scope="col">{t('import.makeModel')}</th>
              <th scope="col">{t('import.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {p.sample.slice(0, 5).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.pkid}</code>
                </td>
                <td>{r.serial ?? NONE}</td>
                <td>{[r.manufacturer, r.model].filter(Boolean).join(' ') || NONE}</td>
                {/* The hash decides what the line is sent as, so the preview says it is there. */}
                <td data-testid={`import-sample-hash-${r.line}`}>{r.identity?.kind === 'hash' ? t('import.hashIncluded') : NONE}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
