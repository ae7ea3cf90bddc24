import { formatWeekdayDate } from '../../i18n/format';

// A y axis with round ticks: 0 up to a "nice" top (steps of 1, 2 or 5 times a power of ten, whole numbers).
export function niceTicks(max: number, wanted = 4): number[] {
  const top = Math.max(1, max);
  const raw = top / wanted;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < top) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}

/** Colours for operators: each at least 4.5:1 on white, told apart by hue and lightness. */
export const seriesColours = ['#0a3d91', '#b35900', '#0b6b2b', '#7a1fa2', '#a3001b', '#006b75', '#4d4d4d', '#806600'];

/** "14:00" for an hour bucket, "Mon 23 Nov" for a day bucket. */
export function bucketLabel(bucket: string): string {
  if (bucket.length > 10) return bucket.slice(11);
  const [y, m, d] = bucket.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return formatWeekdayDate(date);
}
