// Export a batch as CSV: the Partner Center upload file, or the full report, saved as a download.
// A small menu (details/summary: keyboard and screen reader friendly without script).
import { useState, type ReactNode } from 'react';
import type { ExportFormat } from '../../../../shared/contract/export';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import { saveTextFile } from './files';
import { plural } from './format';

const labels: Record<ExportFormat, string> = { 'partner-center': 'Partner Center CSV', report: 'Full report CSV' };

export function ExportButtons({ batchId }: { batchId: number }): ReactNode {
  const api = useApi();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function exportAs(format: ExportFormat): Promise<void> {
    setStatus(null);
    const result = await api.call('export:batch', { batchId, format });
    if (!result.ok) return setStatus({ kind: 'error', text: result.error.message });
    saveTextFile(result.value.fileName, result.value.csv);
    setStatus({ kind: 'success', text: `${result.value.fileName} saved to Downloads (${plural(result.value.rows, 'line')}).` });
  }

  return (
    <details className="export-menu">
      <summary className="btn btn-small" data-testid="export-open">
        Export
      </summary>
      <div className="export-choices">
        {(Object.keys(labels) as ExportFormat[]).map((f) => (
          <button key={f} type="button" className="btn btn-small btn-wide" onClick={() => void exportAs(f)} data-testid={`export-${f}`}>
            {labels[f]}
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
