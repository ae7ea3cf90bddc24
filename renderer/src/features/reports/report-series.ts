// reports:shift rows shaped for the charts: scans per hour (or per day, for a week) per operator,
// busiest operator first; registrations per day.
import type { ShiftReport } from '../../../../shared/contract/reports';
import { i18n } from '../../i18n';
import type { Series } from './BarChart';
import { buckets } from './range';

export const DAY_BUCKETS_AFTER_MS = 2 * 86_400_000;

export function scanSeries(report: ShiftReport): { buckets: string[]; series: Series[]; by: 'hour' | 'day' } {
  const by = report.to - report.from > DAY_BUCKETS_AFTER_MS ? 'day' : 'hour';
  const names = new Map<string, Map<string, number>>();
  for (const r of report.scansPerHour) {
    const key = by === 'day' ? r.hour.slice(0, 10) : r.hour;
    const values = names.get(r.operator) ?? new Map<string, number>();
    values.set(key, (values.get(key) ?? 0) + r.count);
    names.set(r.operator, values);
  }
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const series = [...names].map(([name, values]) => ({ name, values })).sort((a, b) => total(b.values) - total(a.values) || a.name.localeCompare(b.name));
  const all = buckets(report.from, report.to, by);
  // A bucket the station named differently (a DST change) is kept, in order.
  const extra = series.flatMap((s) => [...s.values.keys()]).filter((k) => !all.includes(k));
  return { buckets: [...new Set([...all, ...extra])].sort(), series, by };
}

export function registeredSeries(report: ShiftReport): { buckets: string[]; series: Series[] } {
  const values = new Map(report.registeredPerDay.map((r) => [r.day, r.count]));
  const all = buckets(report.from, report.to, 'day');
  const extra = [...values.keys()].filter((k) => !all.includes(k));
  return { buckets: [...new Set([...all, ...extra])].sort(), series: [{ name: i18n.t('registered', { ns: 'reports' }), values }] };
}
