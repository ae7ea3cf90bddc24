// verify.txt in a support bundle: the same words `dockside verify` prints.
import type { VerifyReport } from '../../../shared/contract/station';

export function verifyText(report: VerifyReport): string {
  return [
    `overall: ${report.ok ? 'ok' : 'PROBLEMS FOUND'}`,
    `integrity_check: ${report.integrity.length === 0 ? 'ok' : report.integrity.join('; ')}`,
    `foreign_key_check: ${report.foreignKeys.length === 0 ? 'ok' : report.foreignKeys.join('; ')}`,
    `audit chain: ${report.audit.ok ? `ok (${report.audit.rows} rows)` : `${report.audit.problem ?? 'broken'}${report.audit.rowId === null ? '' : ` (row ${report.audit.rowId})`}`}`,
    '',
  ].join('\n');
}
