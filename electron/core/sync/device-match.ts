// How a local device is named to Partner Center, and how answers are matched back to it. PKIDs are
// digits; serials are compared exactly (tuple matching is case-sensitive on the service side).
import type { ChunkDevice } from '../../../db/repos/uploads';
import type { DeviceInput } from '../../partner-center/device-batches';

export function toDeviceInput(d: ChunkDevice): DeviceInput {
  if (d.pkid) return { productKey: d.pkid };
  if (d.hardwareHash) return { hardwareHash: d.hardwareHash, ...(d.serial ? { serialNumber: d.serial } : {}) };
  return { serialNumber: d.serial ?? '', oemManufacturerName: d.manufacturer ?? '', modelName: d.model ?? '' };
}

export function localKey(d: Pick<ChunkDevice, 'pkid' | 'serial'>): string | null {
  if (d.pkid) return `pk:${d.pkid}`;
  if (d.serial) return `sn:${d.serial}`;
  return null;
}

export function remoteKeys(r: { productKey?: string | null; serialNumber?: string | null }): string[] {
  const keys: string[] = [];
  if (r.productKey) keys.push(`pk:${r.productKey}`);
  if (r.serialNumber) keys.push(`sn:${r.serialNumber}`);
  return keys;
}

/** Indexes remote records by every key they can be matched on. */
export function indexRemote<T extends { productKey?: string | null; serialNumber?: string | null }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) for (const key of remoteKeys(item)) if (!map.has(key)) map.set(key, item);
  return map;
}
