// verify.txt in a support bundle: the same words `dockside verify` prints.
import type { VerifyReport } from '../../../shared/contract/station';

/** The audit chain's line: ok, broken (where and how), or what could not be checked. */
export function auditChainText(audit: VerifyReport['audit']): string {
  const unkeyed =
    audit.unkeyedRows > 0
      ? `; the first ${audit.unkeyedRows} were written before the chain was keyed, so they are sealed only as of the upgrade: what was done to them before it cannot be known`
      : '';
  if (audit.ok) return `ok (${audit.rows} rows, sealed with the station's audit key and matching the head kept outside the database${unkeyed})`;
  if (audit.problem !== null) return `${audit.problem}${audit.rowId === null ? '' : ` (row ${audit.rowId})`}`;
  return `not fully checked (${audit.rows} rows): ${audit.warnings.join('; ')}${unkeyed}`;
}

export function verifyText(report: VerifyReport): string {
  return [
    `overall: ${report.ok ? 'ok' : 'PROBLEMS FOUND'}`,
    `integrity_check: ${report.integrity.length === 0 ? 'ok' : report.integrity.join('; ')}`,
    `foreign_key_check: ${report.foreignKeys.length === 0 ? 'ok' : report.foreignKeys.join('; ')}`,
    `audit chain: ${auditChainText(report.audit)}`,
    '',
  ].join('\n');
}
