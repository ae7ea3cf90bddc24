// Lines of the recent-scans list and the instant hint, from what the core answered or what was read.
// Pure, so the list's wording is tested without a screen.
import type { DeviceView, ScanVerdict } from '../../../../shared/contract/scans';
import { classifyRead, displayRaw, type Symbology } from '../../../../shared/domain/barcode';
import type { IdentitySummary } from '../../../../shared/domain/identity';
import { i18n } from '../../i18n';

const say = (key: string, params?: Record<string, string>): string => i18n.t(key, { ns: 'scan', ...params });

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
  const serial = device.serial ?? '';
  const message =
    device.pkid && device.serial
      ? say('entry.pkidSerial', { pkid: device.pkid, serial })
      : device.pkid
        ? say('entry.pkid', { pkid: device.pkid })
        : device.manufacturer && device.model
          ? say('entry.tuple', { serial, manufacturer: device.manufacturer, model: device.model })
          : say('entry.serial', { serial });
  return { kind: 'accepted', value, message, pkid: device.pkid, serial: device.serial, deviceId: device.id, source: device.source, at: device.scannedAt, undone: false, identity: device.identity };
}

/** What the station makes of a read before the core answers. A hint, never the verdict. */
export function hintFor(read: ReadLike): string {
  const classified = classifyRead({ raw: read.raw, symbology: read.symbology });
  switch (classified.kind) {
    case 'pkid':
    case 'pkid-unconfirmed':
      return say('hint.pkid', { value: classified.value });
    case 'serial':
      return say('hint.serial', { value: classified.value });
    case 'gtin':
      return say('hint.gtin', { value: displayRaw(read.raw) });
    case 'unknown':
    case 'invalid':
      return say('hint.other', { value: displayRaw(read.raw) });
  }
}

// The recent list's word for each kind is in the catalogs: scan.kind.<verdict>.
