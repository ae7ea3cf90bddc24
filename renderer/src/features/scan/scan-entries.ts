// Lines of the recent-scans list and the instant hint, from what the core answered or what was read.
// Pure, so the list's wording is tested without a screen.
import type { DeviceView, ScanVerdict } from '../../../../shared/contract/scans';
import { classifyRead, displayRaw, type Symbology } from '../../../../shared/domain/barcode';
import type { IdentitySummary } from '../../../../shared/domain/identity';

export interface ScanEntry {
  readonly key: number;
  readonly kind: ScanVerdict['verdict'];
  /** The value the line is about: the PKID or serial, or the raw read when refused. */
  readonly value: string;
  readonly message: string;
  readonly pkid: string | null;
  readonly serial: string | null;
  readonly deviceId: number | null;
  readonly source: 'wedge' | 'camera' | 'import' | 'manual';
  readonly at: number;
  readonly undone: boolean;
  /** A "PKID?" question answered with Esc or replaced by the next scan: nothing was recorded. */
  readonly dropped?: boolean;
  /** What the box will be sent to Partner Center as; null for a line that made no box. */
  readonly identity: IdentitySummary | null;
}

interface ReadLike {
  readonly raw: string;
  readonly source: 'wedge' | 'camera' | 'manual';
  readonly symbology?: Symbology;
}

export function entryFromVerdict(read: ReadLike, verdict: ScanVerdict, at: number): Omit<ScanEntry, 'key'> {
  const base = { kind: verdict.verdict, message: verdict.message, source: read.source, at, undone: false, identity: null };
  switch (verdict.verdict) {
    case 'accepted': {
      const device = verdict.device;
      const classified = classifyRead({ raw: read.raw, symbology: read.symbology });
      const value = 'value' in classified ? classified.value : displayRaw(read.raw);
      return { ...base, value, pkid: device?.pkid ?? null, serial: device?.serial ?? (verdict.effect === 'serial-waiting' ? value : null), deviceId: device?.id ?? null, identity: device?.identity ?? null };
    }
    case 'duplicate':
    case 'confirm':
      return { ...base, value: verdict.value, pkid: null, serial: null, deviceId: null };
    case 'invalid':
      return { ...base, value: verdict.raw, pkid: null, serial: null, deviceId: null };
  }
}

export function entryFromDevice(device: DeviceView): Omit<ScanEntry, 'key'> {
  const value = device.pkid ?? device.serial ?? `#${device.id}`;
  const message = device.pkid && device.serial ? `PKID ${device.pkid} with serial ${device.serial}.` : device.pkid ? `PKID ${device.pkid}.` : `Serial ${device.serial ?? ''}${device.manufacturer && device.model ? ` · ${device.manufacturer} · ${device.model}` : ''}.`;
  return { kind: 'accepted', value, message, pkid: device.pkid, serial: device.serial, deviceId: device.id, source: device.source, at: device.scannedAt, undone: false, identity: device.identity };
}

/** What the station makes of a read before the core answers. A hint, never the verdict. */
export function hintFor(read: ReadLike): string {
  const classified = classifyRead({ raw: read.raw, symbology: read.symbology });
  switch (classified.kind) {
    case 'pkid':
    case 'pkid-unconfirmed':
      return `Checking PKID ${classified.value}…`;
    case 'serial':
      return `Checking serial ${classified.value}…`;
    case 'gtin':
      return `Checking ${displayRaw(read.raw)} (looks like a retail barcode)…`;
    case 'unknown':
    case 'invalid':
      return `Checking ${displayRaw(read.raw)}…`;
  }
}

export const kindLabels: Readonly<Record<ScanVerdict['verdict'], string>> = {
  accepted: 'Accepted',
  duplicate: 'Duplicate',
  invalid: 'Refused',
  confirm: 'PKID?',
};
