// Export a batch as CSV: the Partner Center upload file, or the full report, saved as a download.
// A small menu (details/summary: keyboard and screen reader friendly without script).
import { useState, type ReactNode } from 'react';
import type { ExportFormat } from '../../../../shared/contract/export';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { saveTextFile } from '../../lib/files';

// Each says its words from batches.export.<format>.
const formats: readonly ExportFormat[] = ['partner-center', 'report'];

export function ExportButtons({ batchId }: { batchId: number }): ReactNode {
  const { t } = useTranslation('batches');
  const api = useApi();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function exportAs(format: ExportFormat): Promise<void> {
    setStatus(null);
    const result = await api.call('export:batch', { batchId, format });
    if (!result.ok) return setStatus({ kind: 'error', text: errorText(result.error) });
    saveTextFile(result.value.fileName, result.value.csv);
    setStatus({ kind: 'success', text: t('export.saved', { fileName: result.value.fileName, count: result.value.rows }) });
  }

  return (
    <details className="export-menu">
      <summary className="btn btn-small" data-testid="export-open">
        {t('export.open')}
      </summary>
      <div className="export-choices">
        {formats.map((f) => (
          <button key={f} type="button" className="btn btn-small btn-wide" onClick={() => void exportAs(f)} data-testid={`export-${f}`}>
            {t(`export.${f}`)}
          </button>
        ))}
        {status && (
          <Message kind={status.kind} testId="export-status">
            {status.text}
          </Message>
        )}
      </div>
    </details>
  );
}
