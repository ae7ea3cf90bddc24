// What of an audit entry goes into the log: who did what to which object, and the detail's short
// scalar fields (batch names, PKIDs, counts, codes, reasons). Lists, hashes and long texts stay in the
// audit trail; the logger's redaction still masks anything that looks like a secret.
import type { AuditEntry } from '../audit';

const MAX_TEXT = 200;

export function auditLogFields(entry: AuditEntry): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry.detail ?? {})) {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) detail[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_TEXT) detail[key] = value;
  }
  return { result: entry.result ?? 'ok', operator: entry.operatorName ?? null, object: entry.objectType ? `${entry.objectType} ${String(entry.objectId ?? '')}`.trim() : null, ...detail };
}
