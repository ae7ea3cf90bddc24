// Verdict wording. Short enough to read from two metres, specific enough to act on.
import type { LiveDeviceMatch } from '../../../db/repos/devices';

export function when(at: number): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function duplicateMessage(what: string, match: LiveDeviceMatch, batchId: number): string {
  const by = `by ${match.device.scannedBy}, ${when(match.device.scannedAt)}`;
  if (match.device.state === 'registered') return `${what} is already registered (batch ${match.batchName}).`;
  if (match.device.batchId === batchId) return `${what} is already in this batch (${by}).`;
  return `${what} is already in batch ${match.batchName} (${by}).`;
}

export const confirmMessage = (value: string) =>
  `${value} could also be a retail barcode (it passes the EAN-13 check). Press Enter to keep it as the PKID, or Esc to drop it.`;

export const gtinMessage = (value: string, format: string) =>
  `That is the retail barcode (${format.toUpperCase()} ${value}), not the PKID. Scan the barcode labelled PKID or Windows Product ID.`;
