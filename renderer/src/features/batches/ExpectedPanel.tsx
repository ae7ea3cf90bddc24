// Expected vs scanned: a supplier's list (advance ship notice) read into the batch, and what matched,
// what is missing and what was scanned without being expected, live as boxes are scanned or removed.
// A file is previewed first (ExpectedPreview) and written only when the lead says so.
import { useState, type ReactNode } from 'react';
import type { ExpectedPreview as ExpectedPreviewData, Reconciliation } from '../../../../shared/contract/expected';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { ExpectedPreview } from './ExpectedPreview';
import { FilePick, type PickedFile } from '../../components/FilePick';
import { formatCount, formatWhen } from '../../lib/format';
import { useReconcile } from './use-reconcile';

// An empty cell: a mark, not a word.
const NONE = '—';

interface Props {
  batchId: number;
  canImport: boolean;
}

export function ExpectedPanel({ batchId, canImport }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const { data, error } = useReconcile(batchId);
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ExpectedPreviewData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Nothing is written until the lead has seen what the file would do (and in which mode).
  async function previewList(picked: PickedFile, as: 'replace' | 'append'): Promise<void> {
    setBusy(true);
    setNotice(null);
    setImportError(null);
    setPreview(null);
    setFile(picked);
    const result = await api.call('expected:preview', { batchId, fileName: picked.fileName, contentBase64: picked.contentBase64, mode: as });
    setBusy(false);
    if (!result.ok) return setImportError(errorText(result.error));
    setPreview(result.value);
  }

  async function importList(): Promise<void> {
    if (!file || !preview) return;
    setBusy(true);
    const result = await api.call('expected:import', { batchId, fileName: file.fileName, contentBase64: file.contentBase64, mode, token: preview.token });
    setBusy(false);
    if (!result.ok) return setImportError(errorText(result.error));
    const v = result.value;
    setPreview(null);
    setFile(null);
    setImportError(null);
    // One sentence per shape (replacing, refused lines or both), each with its own plural forms.
    const context = [v.replaced ? 'replacing' : '', v.refusedCount ? 'refused' : ''].filter(Boolean).join('_') || undefined;
    setNotice(t('expected.done', { context, count: v.imported, fileName: file.fileName, replaced: formatCount(v.replaced), refused: t('n.lineRefused', { count: v.refusedCount }) }));
  }

  function cancel(): void {
    setPreview(null);
    setFile(null);
    setImportError(null);
  }

  return (
    <section className="expected" aria-label={t('expected.label')} data-testid="expected-panel">
      {canImport && (
        <div className="expected-import">
          <FilePick label={t('expected.choose')} testId="expected-file" disabled={busy} onPick={(f) => void previewList(f, mode)} onError={setImportError} />
          <label className="review-filter">
            <span>{t('expected.mode')}</span>
            <select
              value={mode}
              onChange={(e) => {
                const next = e.target.value === 'append' ? 'append' : 'replace';
                setMode(next);
                if (file) void previewList(file, next);
              }}
              data-testid="expected-mode"
            >
              <option value="replace">{t('expected.modeReplace')}</option>
              <option value="append">{t('expected.modeAppend')}</option>
            </select>
          </label>
        </div>
      )}
      <Message kind="success" testId="expected-notice">
        {notice}
      </Message>
      <Message kind="error" testId="expected-error">
        {importError ?? error}
      </Message>
      {preview && <ExpectedPreview preview={preview} />}
      {preview && (
        <div className="lead-actions">
          <button type="button" className="btn btn-primary" disabled={busy || preview.accepted === 0} onClick={() => void importList()} data-testid="expected-commit">
            {t(mode === 'replace' ? 'expected.commitReplace' : 'expected.commitAdd', { count: preview.accepted })}
          </button>
          <button type="button" className="btn" onClick={cancel} data-testid="expected-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
      {data && <Counts data={data} />}
      {data && data.expected > 0 && <Lists data={data} />}
    </section>
  );
}

function Counts({ data }: { data: Reconciliation }): ReactNode {
  const { t } = useTranslation('batches');
  if (data.expected === 0) {
    return (
      <p className="big-text" data-testid="expected-none">
        {t('expected.none')}
      </p>
    );
  }
  return (
    <div className="expected-counts">
      <Count label={t('expected.countExpected')} value={data.expected} testId="expected-total" />
      <Count label={t('expected.countMatched')} value={data.matched} testId="expected-matched-count" kind="ok" />
      <Count label={t('expected.countMissing')} value={data.missing} testId="expected-missing-count" kind={data.missing ? 'bad' : 'ok'} />
      <Count label={t('expected.countUnexpected')} value={data.unexpected} testId="expected-unexpected-count" kind={data.unexpected ? 'warn' : 'ok'} />
    </div>
  );
}

function Count({ label, value, testId, kind }: { label: string; value: number; testId: string; kind?: 'ok' | 'bad' | 'warn' }): ReactNode {
  return (
    <div className={`expected-count${kind ? ` expected-count-${kind}` : ''}`}>
      <span className="expected-number" data-testid={testId} data-count={value}>
        {formatCount(value)}
      </span>
      <span>{label}</span>
    </div>
  );
}

function Lists({ data }: { data: Reconciliation }): ReactNode {
  const { t } = useTranslation('batches');
  return (
    <div className="expected-lists">
      <div>
        <h3>{t('expected.missingHead')}</h3>
        {data.missing === 0 ? (
          <p className="hint">{t('expected.nothingMissing')}</p>
        ) : (
          <ul className="expected-list" data-testid="expected-missing-list">
            {data.missingLines.map((l) => (
              <li key={l.id} data-testid={`expected-missing-${l.pkid ?? l.serial ?? l.id}`}>
                <code>{l.pkid ?? NONE}</code> {l.serial ? t('expected.serial', { serial: l.serial }) : ''} <span className="hint-inline">{t('expected.lineNo', { line: l.line })}</span>
              </li>
            ))}
            {data.missing > data.missingLines.length && <li>{t('more', { n: formatCount(data.missing - data.missingLines.length) })}</li>}
          </ul>
        )}
      </div>
      <div>
        <h3>{t('expected.unexpectedHead')}</h3>
        {data.unexpected === 0 ? (
          <p className="hint">{t('expected.allExpected')}</p>
        ) : (
          <ul className="expected-list" data-testid="expected-unexpected-list">
            {data.unexpectedDevices.map((d) => (
              <li key={d.id}>
                <code>{d.pkid ?? d.serial ?? NONE}</code> <span className="hint-inline">{t('find.scannedBy', { name: d.scannedBy, when: formatWhen(d.scannedAt) })}</span>
              </li>
            ))}
            {data.unexpected > data.unexpectedDevices.length && <li>{t('more', { n: formatCount(data.unexpected - data.unexpectedDevices.length) })}</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
