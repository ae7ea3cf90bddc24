// Import devices (PKIDs, hardware hashes, tuples) from a supplier's or OEM's file: a preview first (what would be imported, and every
// refused line with its number and reason), then Commit writes exactly that, all lines or none.
import { useState, type ReactNode } from 'react';
import type { ImportPreview } from '../../../../shared/contract/import';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { FilePick, type PickedFile } from './FilePick';
import { formatCount, plural } from './format';

interface Props {
  batchId: number;
  editable: boolean;
}

export function ImportPanel({ batchId, editable }: Props): ReactNode {
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
    else setError(result.error.message);
  }

  async function commit(): Promise<void> {
    if (!file || !preview) return;
    setBusy(true);
    const result = await api.call('import:commit', { batchId, fileName: file.fileName, contentBase64: file.contentBase64, token: preview.token });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setPreview(null);
    setFile(null);
    const attached = result.value.attached ? `, attached ${plural(result.value.attached, 'hardware hash', 'hardware hashes')} to lines already in the batch` : '';
    setDone(`Imported ${plural(result.value.imported, 'device')}${attached} from ${file.fileName}.`);
  }

  function cancel(): void {
    setPreview(null);
    setFile(null);
    setError(null);
  }

  if (!editable) return <p className="big-text">This batch can no longer change: devices are imported only into open or closed batches.</p>;
  return (
    <section className="import" aria-label="Import devices" data-testid="import-panel">
      <p className="hint">A CSV or text file with one device per line: a PKID, a hardware hash (Get-WindowsAutopilotInfo's CSV), or a serial with its manufacturer and model. Nothing is imported until you commit.</p>
      <FilePick label="Choose a file…" testId="import-file" disabled={busy} onPick={(f) => void pick(f)} onError={setError} />
      {busy && <p className="hint">Reading {file?.fileName}…</p>}
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
            Import {plural(preview.accepted, 'device')}
            {preview.attached ? `, attach ${plural(preview.attached, 'hash', 'hashes')}` : ''}
          </button>
          <button type="button" className="btn" onClick={cancel} data-testid="import-cancel">
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewTable({ preview: p }: { preview: ImportPreview }): ReactNode {
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="big-text">
        <strong>{p.fileName}</strong>: {plural(p.rows, 'line')} read ({p.encoding}, {p.delimiter === '\t' ? 'tab' : `“${p.delimiter}”`} separated).{' '}
        <strong data-testid="import-accepted" data-count={p.accepted}>
          {formatCount(p.accepted)} to import
        </strong>
        ,{' '}
        {(p.attached ?? 0) > 0 && (
          <>
            <strong data-testid="import-attached" data-count={p.attached}>
              {plural(p.attached ?? 0, 'hardware hash', 'hardware hashes')} to attach to lines already in the batch
            </strong>
            ,{' '}
          </>
        )}
        <strong data-testid="import-refused-count" data-count={p.refusedCount} className={p.refusedCount ? 'text-bad' : undefined}>
          {formatCount(p.refusedCount)} refused
        </strong>
        .
      </p>
      {p.refusedCount > 0 && (
        <table className="table lead-table" data-testid="import-refused">
          <caption>Refused lines{p.refusedCount > p.refused.length ? ` (first ${formatCount(p.refused.length)})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Why</th>
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
          <caption>First lines to import</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">PKID</th>
              <th scope="col">Serial</th>
              <th scope="col">Make and model</th>
              <th scope="col">Hardware hash</th>
            </tr>
          </thead>
          <tbody>
            {p.sample.slice(0, 5).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.pkid}</code>
                </td>
                <td>{r.serial ?? '—'}</td>
                <td>{[r.manufacturer, r.model].filter(Boolean).join(' ') || '—'}</td>
                {/* The hash decides what the line is sent as, so the preview says it is there. */}
                <td data-testid={`import-sample-hash-${r.line}`}>{r.identity?.kind === 'hash' ? 'Included: sent by its hash' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
