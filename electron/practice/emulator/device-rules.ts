// What the Autopilot deployment service decides for one device when a job reaches it. Registration is
// the only place a registry device changes owner, so the "registered twice" counters are kept here.
// Identities: a hash is checked for shape (base64, 256 B..16 KiB decoded; else 802), then looked up; an
// unknown hash registers as a new device (it is self-contained). A registry entry seeded with
// `"damaged": true` holds a hash that passes every shape check (the station's too) yet is refused with
// 802, as the service does with a corrupted or hand-edited 4K hash. PKIDs match exactly; a tuple matches
// serial + manufacturer + model case-sensitively (SMBIOS spelling), else 812.
import type { EmulatorState } from './state';
import type { DeviceInput, DeviceOutcome, DeviceRecord, JobItem, PolicyAssignment, RegistryDevice } from './types';

export const DEVICE_ERRORS = {
  802: 'InvalidZtdHardwareHash',
  803: 'MissingZtdSerialNumberAndProductKey',
  806: 'ZtdDeviceAlreadyAssigned',
  807: 'ZtdDeviceIsNotRegistered',
  808: 'ZtdDeviceAssignedToOtherTenant',
  809: 'ZtdProfileIsNotRegistered',
  810: 'ZtdProfileAssignedToOtherTenant',
  812: 'ZtdDeviceNotFound',
  813: 'ZtdDeviceIsNotUnique',
} as const;
export type DeviceErrorCode = keyof typeof DEVICE_ERRORS;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A full (4K) hardware hash decodes to a few kilobytes; anything far off is not one. */
const HASH_BYTES = { min: 256, max: 16384 };

export function hashIsPlausible(hash: string): boolean {
  if (!BASE64.test(hash)) return false;
  const bytes = Buffer.from(hash, 'base64').length;
  return bytes >= HASH_BYTES.min && bytes <= HASH_BYTES.max;
}

export function identifiedBy(d: DeviceInput): 'hash' | 'pkid' | 'tuple' | null {
  if (d.hardwareHash) return 'hash';
  if (d.productKey) return 'pkid';
  if (d.serialNumber && d.oemManufacturerName && d.modelName) return 'tuple';
  return null;
}

/** How one request names a device, to spot the same device twice in one request. */
export function requestIdentity(d: DeviceInput): string {
  if (d.hardwareHash) return `hash:${d.hardwareHash}`;
  if (d.productKey) return `pkid:${d.productKey.trim()}`;
  return `tuple:${d.oemManufacturerName ?? ''}|${d.modelName ?? ''}|${d.serialNumber ?? ''}`;
}

function failed(d: DeviceInput, code: DeviceErrorCode, deviceId: string | null): DeviceOutcome {
  return {
    deviceId, serialNumber: d.serialNumber, productKey: d.productKey, ok: false,
    errorCode: String(code), errorDescription: DEVICE_ERRORS[code],
  };
}

function matches(state: EmulatorState, d: DeviceInput): RegistryDevice[] {
  const by = identifiedBy(d);
  if (by === 'hash') return state.registry.filter((r) => r.hash === d.hardwareHash);
  if (by === 'pkid') return state.registryByPkid.get(d.productKey?.trim() ?? '') ?? [];
  // Tuple lookups are case-sensitive: names must equal the SMBIOS values the OEM filed.
  return state.registry.filter((r) =>
    r.serial === d.serialNumber && r.manufacturer === d.oemManufacturerName && r.model === d.modelName);
}

export function registerDevice(
  state: EmulatorState, customerId: string, batchId: string, item: Extract<JobItem, { kind: 'upload' }>,
): DeviceOutcome {
  const d = item.device;
  const by = identifiedBy(d);
  if (by === null) return failed(d, 803, null);
  if (by === 'hash' && !hashIsPlausible(d.hardwareHash ?? '')) return failed(d, 802, null);
  let found = matches(state, d);
  // A seeded damaged hash passes the shape check (the station's too) but decodes to nothing usable.
  if (by === 'hash' && found.some((r) => r.damaged)) return failed(d, 802, null);
  // A hash is self-contained: it registers without OEM data, so an unknown hash becomes a new device.
  if (by === 'hash' && found.length === 0) {
    found = [state.addRegistry({
      hash: d.hardwareHash, pkid: d.productKey, serial: d.serialNumber, manufacturer: d.oemManufacturerName, model: d.modelName,
    })];
  }
  const entry = found[0];
  if (!entry) return failed(d, 812, null);
  if (found.length > 1) return failed(d, 813, null);
  if (entry.ownerTenant === customerId || item.repeated) return failed(d, 806, entry.ownerTenant === customerId ? entry.deviceId ?? null : null);
  if (entry.ownerTenant !== null) return failed(d, 808, null);
  const batch = state.batch(customerId, batchId);
  if (!batch) return failed(d, 812, null);
  const record: DeviceRecord = {
    id: state.newId(),
    customerId,
    batchId: batch.id,
    registryKey: entry.key,
    serialNumber: d.serialNumber ?? entry.serial,
    productKey: d.productKey ?? entry.pkid,
    hardwareHash: d.hardwareHash,
    modelName: d.modelName ?? entry.model,
    oemManufacturerName: d.oemManufacturerName ?? entry.manufacturer,
    policies: [],
    uploadedDate: state.nowIso(),
  };
  entry.ownerTenant = customerId;
  entry.deviceId = record.id;
  state.devices.set(record.id, record);
  batch.deviceIds.push(record.id);
  state.countRegistration(entry);
  return { deviceId: record.id, serialNumber: record.serialNumber, productKey: record.productKey, ok: true };
}

/** Checks every assignment before applying any, so a device never ends half-updated. */
export function assignPolicies(
  state: EmulatorState, customerId: string, deviceId: string, policies: PolicyAssignment[],
): DeviceOutcome {
  const device = state.devices.get(deviceId);
  if (!device || device.customerId !== customerId) return failed({}, 807, deviceId);
  const base = { serialNumber: device.serialNumber, productKey: device.productKey };
  for (const p of policies) {
    if (p.value === null) continue;
    const policy = state.policies.get(p.value);
    if (!policy) return { ...failed(base, 809, deviceId) };
    if (policy.customerId !== customerId) return { ...failed(base, 810, deviceId) };
  }
  device.policies = policies.filter((p) => p.value !== null).map((p) => ({ key: p.key, value: p.value }));
  return { deviceId, ...base, ok: true };
}

/** Deleting a device frees its registry entry, so the hardware can be registered again. */
export function unregisterDevice(state: EmulatorState, device: DeviceRecord): void {
  const entry = state.registry.find((r) => r.key === device.registryKey);
  if (entry) {
    entry.ownerTenant = null;
    delete entry.deviceId;
  }
  state.devices.delete(device.id);
  const batch = state.batch(device.customerId, device.batchId);
  if (batch) batch.deviceIds = batch.deviceIds.filter((id) => id !== device.id);
}
