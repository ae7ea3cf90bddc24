// How a local device is named to Partner Center, and how answers are matched back to it. What is sent
// is decided by `identityOf` alone (the same rule export and review show). Answers are matched by the
// strongest evidence first: PKID, hash, the full tuple, serial + manufacturer, then the serial alone.
// Job statuses echo only serial and PKID, so two devices of one chunk sharing a serial (different
// manufacturers) are told apart by the order Partner Center reports them in, the order they were sent.
// A hash device sent without serial or PKID is named by nothing in a job status: it takes, in order,
// the statuses that name no device at all.
import type { ChunkDevice } from '../../../db/repos/uploads';
import { compactHash, identityOf, type DeviceIdentity, type IdentityFields } from '../../../shared/domain/identity';
import type { DeviceInput } from '../../partner-center/device-batches';

export type MatchFields = Pick<ChunkDevice, keyof IdentityFields>;

/** The fields sent for one device; null when it has no identity (such a device is never queued). */
export function toDeviceInput(d: MatchFields): DeviceInput | null {
  const r = identityOf(d);
  return r.ok ? inputFor(r.identity) : null;
}

export function inputFor(identity: DeviceIdentity): DeviceInput {
  switch (identity.kind) {
    case 'hash':
      return { hardwareHash: compactHash(identity.hardwareHash), ...(identity.serial ? { serialNumber: identity.serial } : {}), ...(identity.pkid ? { productKey: identity.pkid } : {}) };
    case 'pkid':
      return { productKey: identity.pkid };
    case 'tuple':
      // Exactly as stored: Autopilot matches the tuple case-sensitively against the firmware.
      return { serialNumber: identity.serial, oemManufacturerName: identity.manufacturer, modelName: identity.model };
  }
}

const pk = (v: string) => `pk:${v}`;
const hh = (v: string) => `hh:${compactHash(v)}`;
const tp = (serial: string, manufacturer: string, model: string) => `tp:${manufacturer}\u0000${model}\u0000${serial}`;
const sm = (serial: string, manufacturer: string) => `sm:${manufacturer}\u0000${serial}`;
const sn = (v: string) => `sn:${v}`;

/** Keys a local device may be recognised by in an answer, strongest first; only what was sent. */
export function localKeys(d: MatchFields): string[] {
  const r = identityOf(d);
  if (!r.ok) return [];
  const id = r.identity;
  switch (id.kind) {
    case 'pkid':
      return [pk(id.pkid)];
    case 'hash':
      return [...(id.pkid ? [pk(id.pkid)] : []), hh(id.hardwareHash), ...(id.serial ? [sn(id.serial)] : [])];
    case 'tuple':
      return [tp(id.serial, id.manufacturer, id.model), sm(id.serial, id.manufacturer), sn(id.serial)];
  }
}

export interface RemoteFields {
  productKey?: string | null;
  serialNumber?: string | null;
  hardwareHash?: string | null;
  oemManufacturerName?: string | null;
  modelName?: string | null;
}

/** Every key a remote record (job status or device listing) can be matched on. */
export function remoteKeys(r: RemoteFields): string[] {
  const keys: string[] = [];
  if (r.productKey) keys.push(pk(r.productKey));
  if (r.hardwareHash) keys.push(hh(r.hardwareHash));
  if (r.serialNumber) {
    if (r.oemManufacturerName && r.modelName) keys.push(tp(r.serialNumber, r.oemManufacturerName, r.modelName));
    if (r.oemManufacturerName) keys.push(sm(r.serialNumber, r.oemManufacturerName));
    keys.push(sn(r.serialNumber));
  }
  return keys;
}

/**
 * Pairs each local device with at most one remote record, and each remote record with at most one
 * device. Rounds go from the strongest key to the weakest, so a device matched exactly is never taken
 * by another that shares only its serial; within a key, records are taken in the order received.
 */
export function matchRemote<L extends MatchFields, R extends RemoteFields>(locals: readonly L[], remotes: readonly R[]): Map<L, R> {
  const byKey = new Map<string, number[]>();
  const anonymous: number[] = [];
  remotes.forEach((r, i) => {
    const keys = remoteKeys(r);
    if (keys.length === 0) anonymous.push(i);
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const taken = new Set<number>();
  const matched = new Map<L, R>();
  const keysOf = locals.map((l) => localKeys(l));
  const rounds = Math.max(0, ...keysOf.map((k) => k.length));
  for (let round = 0; round < rounds; round++) {
    locals.forEach((local, li) => {
      const key = keysOf[li]?.[round];
      if (key === undefined || matched.has(local)) return;
      const index = byKey.get(key)?.find((i) => !taken.has(i));
      const remote = index === undefined ? undefined : remotes[index];
      if (index === undefined || remote === undefined) return;
      taken.add(index);
      matched.set(local, remote);
    });
  }
  // Only devices that nothing in an answer can name (a hash sent alone) take the nameless records.
  const nameless = locals.filter((l) => !matched.has(l) && isNameless(l));
  nameless.forEach((local, i) => {
    const index = anonymous[i];
    const remote = index === undefined ? undefined : remotes[index];
    if (remote !== undefined) matched.set(local, remote);
  });
  return matched;
}

/** A hash sent without serial or PKID: a job status has nothing to name it by. */
function isNameless(d: MatchFields): boolean {
  const r = identityOf(d);
  return r.ok && r.identity.kind === 'hash' && !r.identity.serial && !r.identity.pkid;
}
