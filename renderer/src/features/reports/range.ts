// The time ranges of the shift view, in the station's local time: this shift (06-14, 14-22, 22-06),
// today, and the last 7 days (today and the six days before).
export const rangeIds = ['shift', 'today', 'week'] as const;
export type RangeId = (typeof rangeIds)[number];

// Their names are in the catalogs: reports.range.<id>.

export const SHIFT_STARTS = [6, 14, 22] as const;
const HOUR_MS = 3_600_000;

function atHour(base: Date, dayOffset: number, hour: number): number {
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset, hour).getTime();
}

export function rangeFor(id: RangeId, now = Date.now()): { from: number; to: number } {
  const d = new Date(now);
  if (id === 'today') return { from: atHour(d, 0, 0), to: atHour(d, 1, 0) };
  if (id === 'week') return { from: atHour(d, -6, 0), to: atHour(d, 1, 0) };
  const hour = d.getHours();
  if (hour < SHIFT_STARTS[0]) return { from: atHour(d, -1, 22), to: atHour(d, 0, 6) };
  const start = [...SHIFT_STARTS].reverse().find((h) => h <= hour) ?? SHIFT_STARTS[0];
  return { from: atHour(d, 0, start), to: atHour(d, 0, start) + 8 * HOUR_MS };
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-23 14:00", as reports:shift names an hour. */
export function localHour(at: number): string {
  return `${localDay(at)} ${pad(new Date(at).getHours())}:00`;
}

/** Every hour (or day, for long ranges) of the range, so empty ones show as empty. */
export function buckets(from: number, to: number, by: 'hour' | 'day'): string[] {
  const out: string[] = [];
  const name = by === 'hour' ? localHour : localDay;
  for (let t = from; t < to; t += HOUR_MS) {
    const key = name(t);
    if (out.at(-1) !== key) out.push(key);
  }
  return out;
}
