// reports:shift, reports:exportCsv and the audit viewer.
import { ok } from '../../../shared/contract';
import type { reportChannels, ShiftReport } from '../../../shared/contract/reports';
import { listAudit, localDay, shiftReport } from '../../../db/repos/reports';
import { describeAuditEvent, describeAuditObject } from '../../../shared/domain/audit-words';
import type { Handlers } from '../dispatcher';
import { toCsv } from '../export/csv';

export const SHIFT_CSV_HEADER = ['Section', 'Period', 'Operator', 'State', 'Error code', 'Error text', 'Count'] as const;

export function shiftReportCsv(report: ShiftReport): string {
  const rows = [
    ...report.scansPerHour.map((r) => ['Scans per hour', r.hour, r.operator, '', '', '', String(r.count)]),
    ...report.batchesByState.map((r) => ['Batches by state', '', '', r.state, '', '', String(r.count)]),
    ...report.registeredPerDay.map((r) => ['Registered per day', r.day, '', '', '', '', String(r.count)]),
    ...report.errorCodes.map((r) => ['Error codes', '', '', '', r.code, r.text ?? '', String(r.count)]),
  ];
  return toCsv(SHIFT_CSV_HEADER, rows, { bom: true });
}

function parsedDetail(detail: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...parsed };
  } catch {
    // Rows written before details were JSON: described without them.
  }
  return {};
}

export const reportHandlers: Pick<Handlers, keyof typeof reportChannels> = {
  'reports:shift': ({ from, to }, ctx) => ok(shiftReport(ctx.db, from, to)),

  'reports:exportCsv': ({ from, to }, ctx) =>
    ok({ fileName: `shift-report-${localDay(from)}-to-${localDay(to - 1)}.csv`, csv: shiftReportCsv(shiftReport(ctx.db, from, to)) }),

  'audit:list': ({ verify, limit, ...filter }, ctx) => {
    const page = listAudit(ctx.db, filter, limit);
    const rows = page.rows.map(({ batchName, devicePkid, deviceSerial, customerName, objectOperatorName, ...row }) => {
      const facts = { ...row, detail: parsedDetail(row.detail), batchName, devicePkid, deviceSerial, customerName, objectOperatorName };
      return { ...row, summary: describeAuditEvent(facts), objectName: describeAuditObject(facts) };
    });
    return ok({ rows, nextBefore: page.nextBefore, chain: verify ? ctx.checks.auditChain() : null });
  },
};
