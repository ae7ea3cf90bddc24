// How times, counts and names read on the shift lead's desk.
import type { ReviewDevice } from '../../../../shared/contract/review';

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "23 Nov 14:05" (this year) or "23 Nov 2025 14:05". */
export function formatWhen(at: number, now = Date.now()): string {
  const d = new Date(at);
  const month = d.toLocaleString('en-GB', { month: 'short' });
  const year = d.getFullYear() === new Date(now).getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${month}${year} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const sourceLabels: Record<ReviewDevice['source'], string> = { wedge: 'Scanner', camera: 'Camera', import: 'Imported' };

export const deviceStateLabels: Record<ReviewDevice['state'], string> = {
  scanned: 'Scanned',
  queued: 'Queued',
  sending: 'Sending',
  registered: 'Registered',
  failed: 'Failed',
};

export function makeModel(d: Pick<ReviewDevice, 'manufacturer' | 'model'>): string {
  return [d.manufacturer, d.model].filter(Boolean).join(' ') || '—';
}
